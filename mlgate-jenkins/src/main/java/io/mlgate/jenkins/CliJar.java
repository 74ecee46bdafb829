package io.mlgate.jenkins;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bundled CLI fat jar ({@code mlgate.jar}), a resource of the plugin: it is copied to each agent
 * and run there in a forked JVM, never loaded into Jenkins (Tribuo and xgboost natives stay out of
 * the controller's and agent's class loaders).
 */
final class CliJar {
    static final String RESOURCE = "/io/mlgate/jenkins/cli/mlgate.jar";

    /** The jar's file name on agents (its digest, so plugin upgrades never reuse a stale copy) and size. */
    record Info(String fileName, long size) {
    }

    private static Info info;

    private CliJar() {
    }

    static synchronized Info info() throws IOException {
        if (info == null) {
            try (InputStream in = open()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[1 << 16];
                long size = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    size += n;
                }
                info = new Info("mlgate-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16) + ".jar", size);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
        return info;
    }

    static InputStream open() throws IOException {
        InputStream in = CliJar.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IOException("the mlgate plugin was built without " + RESOURCE
                    + "; build mlgate-cli first (mvn -pl mlgate-cli -am package) and rebuild the plugin");
        }
        return in;
    }
}
