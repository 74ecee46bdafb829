package io.mlgate.core.registry.mlflow;

import io.mlgate.core.registry.Lineage;
import io.mlgate.core.registry.RegisterRequest;
import io.mlgate.core.registry.RegistryFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Helpers shared by the MLflow registry tests; the registry-neutral ones are {@link RegistryFixtures}. */
final class MlflowFixtures {
    static final String TOKEN = "glpat-test-token";
    static final Clock CLOCK = RegistryFixtures.CLOCK;

    private MlflowFixtures() {
    }

    static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("GITLAB_USER_LOGIN", "ci-bot");
        env.put(Credentials.TOKEN, TOKEN);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                env.remove(pairs[i]);
            } else {
                env.put(pairs[i], pairs[i + 1]);
            }
        }
        return env;
    }

    static MlflowModelRegistry registry(FakeMlflowServer server, Path cache, Map<String, String> env) {
        return new MlflowModelRegistry(server.trackingUri(), cache, env, CLOCK);
    }

    static MlflowModelRegistry registry(FakeMlflowServer server, Path cache) {
        return registry(server, cache, env());
    }

    static Lineage lineage() {
        return new Lineage("0123456789abcdef0123456789abcdef01234567", "main", "https://gitlab.example.com/risk/credit/-/jobs/7", "4711",
                "a".repeat(64), "b".repeat(64), "logistic", "17", "Linux", "alice", Map.of("ci", "gitlab"));
    }

    static RegisterRequest request(String model, Path artifactDir) {
        return RegistryFixtures.request(model, artifactDir, lineage());
    }
}
