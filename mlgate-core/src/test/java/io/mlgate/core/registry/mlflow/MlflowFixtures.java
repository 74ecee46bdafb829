package io.mlgate.core.registry.mlflow;

import io.mlgate.core.registry.Lineage;
import io.mlgate.core.registry.RegisterRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers shared by the MLflow registry tests. */
final class MlflowFixtures {
    static final String TOKEN = "glpat-test-token";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

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

    /** An artifact directory with a model file (content {@code modelText}) and a nested report. */
    static Path artifacts(Path dir, String modelText) {
        write(dir.resolve("model.tribuo"), modelText);
        write(dir.resolve("report/metrics.json"), "{\"auc\":0.8}\n");
        return dir;
    }

    static RegisterRequest request(String model, Path artifactDir) {
        return new RegisterRequest(model, artifactDir, Map.of("auc", 0.81), "PASSED",
                List.of("[absolute - auc]: PASSED - candidate 0.8100 >= 0.75"), lineage(), Map.of("team", "risk"), "nightly retrain");
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
