package io.mlgate.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token of the admin API. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so the comparison takes the same time whatever the length or
 * content of the guess.
 */
final class AdminAuth {
    static final String HOW_TO_ENABLE = "the admin API is disabled because no token is configured; start mlgate serve with "
            + "--admin-token-file FILE (a file holding the token) or set MLGATE_ADMIN_TOKEN";

    private final byte[] digest;

    AdminAuth(String token) {
        this.digest = token == null ? null : sha256(token);
    }

    boolean enabled() {
        return digest != null;
    }

    /** Whether an {@code Authorization} header carries the token ({@code Bearer <token>}). */
    boolean accepts(String authorization) {
        if (digest == null || authorization == null) {
            return false;
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(value.substring(7).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
