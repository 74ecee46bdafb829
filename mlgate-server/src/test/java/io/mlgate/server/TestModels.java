package io.mlgate.server;

import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.data.CsvRow;
import io.mlgate.core.data.CsvSource;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.registry.Lineage;
import io.mlgate.core.registry.ModelRegistry;
import io.mlgate.core.registry.RegisterRequest;
import io.mlgate.core.util.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Small real models trained once per test JVM on the shipped examples and registered in one
 * registry: credit-risk version 1 (logistic), version 2 (XGBoost) and ames-price version 1
 * (linear regression). Servers in the tests load from this registry; nothing writes to it after.
 */
final class TestModels {
    static final String CREDIT = "credit-risk";
    static final String AMES = "ames-price";
    static final String LOGISTIC = "1";
    static final String XGBOOST = "2";

    private static TestModels instance;

    final Path root;
    final String registryUri;
    final Path lendingClub;

    private TestModels(Path root) {
        this.root = root;
        this.registryUri = "file:" + root.resolve("registry");
        this.lendingClub = copyExample("lending-club", root);
        Path ames = copyExample("ames", root);
        train(lendingClub, Map.of("train.trainer", "logistic", "train.params", "{epochs: 3}"), "logistic");
        train(lendingClub, Map.of("train.params", "{rounds: 20, depth: 3, eta: 0.3}"), "xgboost");
        train(ames, Map.of("train.trainer", "linear", "train.params", "{epochs: 3}"), "linear");
    }

    /** The shared models; trained on first use (about 10 s). */
    static synchronized TestModels get() {
        if (instance == null) {
            try {
                Path root = Files.createTempDirectory("mlgate-server-test");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
                instance = new TestModels(root);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** Server options on a free port against the shared registry. */
    ServerOptions options() {
        return ServerOptions.defaults(registryUri).withPort(0);
    }

    private void train(Path example, Map<String, String> overrides, String name) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        all.put("registry", registryUri);
        all.put("output", root.resolve("out-" + name).toString());
        LoadedConfig loaded = ConfigLoader.load(example.resolve("mlgate.yaml"), true, all);
        Pipeline pipeline = new Pipeline(loaded, Progress.NONE, Map.of());
        Path modelDir = root.resolve("model-" + name);
        pipeline.train(modelDir);
        ModelRegistry registry = pipeline.registry();
        registry.register(new RegisterRequest(loaded.config().model(), modelDir, Map.of(), null, List.of(), Lineage.unknown(),
                Map.of("trainer", name), "server test model (" + name + ")"));
    }

    /** The feature cells of a CSV's rows (the label column left out), as a client would send them. */
    static List<Map<String, String>> rows(Path csv, String label) {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvSource source = CsvSource.open(csv)) {
            List<String> header = source.header();
            while (source.hasNext()) {
                CsvRow row = source.next();
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (!header.get(i).equals(label)) {
                        cells.put(header.get(i), row.fields()[i]);
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    List<Map<String, String>> holdout() {
        return rows(lendingClub.resolve("data/holdout.csv"), "Class");
    }

    List<Map<String, String>> drifted() {
        return rows(lendingClub.resolve("data/holdout-drifted.csv"), "Class");
    }

    private static Path copyExample(String name, Path dir) {
        Path source = Path.of("..", "examples", name).toAbsolutePath().normalize();
        Path target = dir.resolve(name);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String relative = source.relativize(file).toString();
                if (relative.startsWith(".mlgate") || relative.equals("mlgate.contract.yaml")) {
                    continue;
                }
                Path copy = target.resolve(relative);
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort at JVM exit
        }
    }
}
