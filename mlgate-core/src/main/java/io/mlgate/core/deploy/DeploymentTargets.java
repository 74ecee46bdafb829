package io.mlgate.core.deploy;

import io.mlgate.core.config.DeploySpec;
import io.mlgate.core.deploy.kubernetes.KubernetesTarget;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Opens the deploy target named by {@code deploy.target} in mlgate.yaml. */
public final class DeploymentTargets {
    private DeploymentTargets() {
    }

    /** As {@link #open(DeploySpec, Path, Map)} with paths relative to the working directory. */
    public static DeploymentTarget open(DeploySpec spec, Map<String, String> env) {
        return open(spec, Path.of("").toAbsolutePath(), env);
    }

    /**
     * @param baseDir directory {@code deploy.admin_token_file} is relative to (the pipeline directory)
     * @param env     environment, for the admin token variable
     */
    public static DeploymentTarget open(DeploySpec spec, Path baseDir, Map<String, String> env) {
        String target = spec.target().toLowerCase(Locale.ROOT);
        Duration timeout = Duration.ofSeconds(Math.max(1, spec.timeoutSeconds()));
        return switch (target) {
            case "local" -> new LocalServerTarget(url(spec.urlOrDefault()), adminToken(spec, baseDir, env), timeout);
            case "kubernetes" -> KubernetesTarget.open(spec, timeout);
            default -> throw DeployException.usage("unknown deploy.target '" + spec.target() + "'; use local (a running 'mlgate serve') or kubernetes");
        };
    }

    /** The admin token: the content of {@code deploy.admin_token_file}, else the variable {@code deploy.admin_token_env}; null when neither is set. */
    public static String adminToken(DeploySpec spec, Path baseDir, Map<String, String> env) {
        if (spec.adminTokenFile() != null && !spec.adminTokenFile().isBlank()) {
            Path file = baseDir.resolve(spec.adminTokenFile());
            try {
                String token = Files.readString(file).strip();
                if (token.isEmpty()) {
                    throw DeployException.usage("deploy.admin_token_file " + file + " is empty; write the server's admin token into it");
                }
                return token;
            } catch (IOException e) {
                throw DeployException.usage("cannot read deploy.admin_token_file " + file + " (" + e.getMessage()
                        + "); create it with the token 'mlgate serve' uses, or unset it and set " + spec.adminTokenEnv());
            }
        }
        String token = env.get(spec.adminTokenEnv());
        return token == null || token.isBlank() ? null : token.strip();
    }

    static URI url(String text) {
        try {
            URI uri = URI.create(text.strip());
            if (uri.getScheme() == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw DeployException.usage("deploy.url '" + text + "' is not an http(s) URL such as " + DeploySpec.DEFAULT_URL);
        }
    }
}
