package io.mlgate.core.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Helpers shared by the registry tests (public for the registry implementations' tests in sub-packages). */
public final class RegistryFixtures {
    static final Map<String, String> ENV = Map.of("BUILD_USER_ID", "ci-bot", "BUILD_URL", "https://jenkins.example/job/credit/7/");
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    private RegistryFixtures() {
    }

    static FileModelRegistry registry(Path root) {
        return new FileModelRegistry(root, ENV, CLOCK);
    }

    static Lineage lineage() {
        return new Lineage("0123456789abcdef0123456789abcdef01234567", "main", "https://jenkins.example/job/credit/7/", "jenkins-credit-7",
                "a".repeat(64), "b".repeat(64), "logistic", "17", "Linux", "alice", Map.of("ci", "jenkins"));
    }

    /** An artifact directory with a model file (content {@code modelText}) and a nested report. */
    public static Path artifacts(Path dir, String modelText) {
        write(dir.resolve("model.tribuo"), modelText);
        write(dir.resolve("report/metrics.json"), "{\"auc\":0.8}\n");
        return dir;
    }

    static RegisterRequest request(String model, Path artifactDir) {
        return request(model, artifactDir, lineage());
    }

    /** A passed registration with metrics, gate messages, a tag and a description. */
    public static RegisterRequest request(String model, Path artifactDir, Lineage lineage) {
        return new RegisterRequest(model, artifactDir, Map.of("auc", 0.81), "PASSED",
                List.of("[absolute - auc]: PASSED - candidate 0.8100 >= 0.75"), lineage, Map.of("team", "risk"), "nightly retrain");
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
