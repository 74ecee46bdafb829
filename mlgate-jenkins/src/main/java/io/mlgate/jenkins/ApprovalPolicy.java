package io.mlgate.jenkins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Who may approve or reject a gated deploy: a user listed in {@code approvers} by id, or a member of
 * a group (an authority of the current authentication) listed there. Plain Java so the rule is
 * tested without Jenkins; the build page calls it on the server for every POST.
 */
public final class ApprovalPolicy {
    private static final List<String> NEVER = List.of("anonymous", "system", "authenticated");

    private ApprovalPolicy() {
    }

    /** Splits {@code "release-managers, alice"} into trimmed, non-empty names. */
    public static List<String> parse(String approvers) {
        List<String> names = new ArrayList<>();
        if (approvers == null) {
            return names;
        }
        for (String part : approvers.split("[,\\s]+")) {
            if (!part.isBlank()) {
                names.add(part.trim());
            }
        }
        return names;
    }

    /**
     * True when {@code userId} may decide. Anonymous and SYSTEM never may, and nor may the
     * catch-all {@code authenticated} group: approval needs a named person or group.
     * Names compare case-insensitively, as most security realms treat ids and groups.
     */
    public static boolean mayDecide(String userId, Collection<String> authorities, String approvers) {
        if (userId == null || userId.isBlank() || NEVER.contains(userId.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (String name : parse(approvers)) {
            String wanted = name.toLowerCase(Locale.ROOT);
            if (NEVER.contains(wanted)) {
                continue;
            }
            if (wanted.equals(userId.toLowerCase(Locale.ROOT))) {
                return true;
            }
            if (authorities != null) {
                for (String authority : authorities) {
                    if (authority != null && wanted.equals(authority.toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
