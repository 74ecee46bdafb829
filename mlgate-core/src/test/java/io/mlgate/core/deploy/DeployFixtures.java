package io.mlgate.core.deploy;

import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.registry.FileModelRegistry;
import io.mlgate.core.registry.RegisterRequest;
import io.mlgate.core.train.ModelTrainer;
import io.mlgate.core.util.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A small trained model, registries holding it, and a clock the tests move. */
final class DeployFixtures {
    static final String MODEL = "credit-risk";
    static final String TOKEN = "s3cret-admin-token";
    static final Map<String, String> ENV = Map.of("BUILD_USER_ID", "ci-bot");

    private static Path artifact;

    private DeployFixtures() {
    }

    static Path lendingClub() {
        try {
            return Path.of(DeployFixtures.class.getResource("/data/lending_club.csv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A logistic model on lending_club, trained once per test JVM. */
    static synchronized Path artifact() {
        if (artifact == null) {
            try {
                Path dir = Files.createTempDirectory("mlgate-deploy-model");
                LoadedConfig loaded = new LoadedConfig(null, lendingClub().getParent(), ConfigLoader.parse(
                        "model: " + MODEL + "\nlabel: Class\ndata: {train: lending_club.csv}\ntrain: {trainer: logistic, params: {epochs: 2}, threshold: 0.5}\n",
                        "test"));
                ModelTrainer.train(loaded, ContractSpec.empty(), Progress.NONE).artifact().save(dir);
                artifact = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return artifact;
    }

    /** A registry with {@code versions} versions of the model (same artifact each time). */
    static FileModelRegistry registry(Path root, Clock clock, int versions) {
        FileModelRegistry registry = new FileModelRegistry(root, ENV, clock);
        for (int i = 0; i < versions; i++) {
            registry.register(new RegisterRequest(MODEL, artifact(), Map.of("auc", 0.7), "PASSED", List.of(), null, Map.of(), "test"));
        }
        return registry;
    }

    /** The first {@code n} rows of lending_club without the label. */
    static List<Map<String, String>> smokeRows(int n) {
        return SmokeCheck.readRows(lendingClub(), "Class", n);
    }

    /** The first rows of the holdout, as the deploy face sends them. */
    static SmokeCheck smoke(FileModelRegistry registry, int rows) {
        return SmokeCheck.fromHoldout(lendingClub(), "Class", rows, registry, MODEL);
    }

    /** A clock that stands still until moved. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(String start) {
            this.now = Instant.parse(start);
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
