package io.mlgate.core.deploy;

import io.mlgate.core.data.CsvRow;
import io.mlgate.core.data.CsvSource;
import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.registry.ModelRegistry;
import io.mlgate.core.train.ModelArtifact;
import io.mlgate.core.train.Predictor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Health plus known rows: after every change the deployed model must answer N holdout rows
 * exactly as the registered artifact does when loaded here ({@code ModelArtifact.load(...)
 * .predictor().predictRow}): the same class, scores within {@value #TOLERANCE}. Each row is its
 * own request, so under a canary either version may answer; the expected answer is taken from the
 * version that did answer, and a version outside the split is a difference too.
 *
 * <p>A shadow never answers, so it is not smoke-checked (the server records its agreement).
 */
public final class SmokeCheck {
    /** Largest accepted difference of a score or a regression value. */
    public static final double TOLERANCE = 1e-9;

    private final List<Map<String, String>> rows;
    private final Function<String, Predictor> predictors;
    private final Map<String, Predictor> cache = new ConcurrentHashMap<>();

    /**
     * @param rows       the known rows (column to cell text, without the label)
     * @param predictors version to its predictor, loaded from the registered artifact
     */
    public SmokeCheck(List<Map<String, String>> rows, Function<String, Predictor> predictors) {
        this.rows = List.copyOf(rows);
        this.predictors = predictors;
    }

    /** The first {@code n} rows of {@code holdout}, predicted by the registered versions of {@code model}. */
    public static SmokeCheck fromHoldout(Path holdout, String label, int n, ModelRegistry registry, String model) {
        return new SmokeCheck(readRows(holdout, label, n),
                version -> ModelArtifact.load(registry.modelDirectory(model, version)).predictor());
    }

    /** The first {@code n} data rows of a CSV as column to cell text, without {@code label}. */
    public static List<Map<String, String>> readRows(Path csv, String label, int n) {
        List<Map<String, String>> rows = new ArrayList<>();
        if (n <= 0) {
            return rows;
        }
        try (CsvSource source = CsvSource.open(csv)) {
            List<String> header = source.header();
            while (source.hasNext() && rows.size() < n) {
                CsvRow row = source.next();
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    if (!header.get(i).equals(label)) {
                        cells.put(header.get(i), row.get(i));
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    public int size() {
        return rows.size();
    }

    /** Checks the health of {@code target}, then sends each row and compares. */
    public SmokeResult run(DeploymentTarget target, String model, TrafficSplit split) {
        Health health = target.health(model);
        if (!health.ok()) {
            return new SmokeResult(GateStatus.FAILED, 0, 0, "health check: " + (health.live() ? "not ready" : "down") + " (" + health.detail() + ")", List.of());
        }
        if (rows.isEmpty()) {
            return new SmokeResult(GateStatus.PASSED, 0, 0, "health check: ready; smoke check: no rows (deploy.smoke_rows=0)", List.of());
        }
        if (!target.canPredict()) {
            return new SmokeResult(GateStatus.INACTIVE, 0, 0, "health check: ready; smoke check: skipped - the " + target.name()
                    + " target has no URL to predict through from here (set deploy.url)", List.of());
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ServedPredictions served = target.predict(model, List.of(rows.get(i)));
            String difference = compare(i + 1, served, split);
            if (difference != null) {
                differences.add(difference);
            }
        }
        int n = rows.size();
        if (differences.isEmpty()) {
            return new SmokeResult(GateStatus.PASSED, n, 0, "smoke check: " + n + " of " + n + " rows match", List.of());
        }
        return new SmokeResult(GateStatus.FAILED, n, differences.size(),
                "smoke check: " + differences.size() + " of " + n + " rows differ (" + differences.get(0) + ")", differences);
    }

    /** Null when the answer matches, else {@code row 2: expected bad, got good}. */
    private String compare(int rowNumber, ServedPredictions served, TrafficSplit split) {
        String version = served.version();
        if (version == null || !(version.equals(split.stable()) || version.equals(split.canary()))) {
            return "row " + rowNumber + ": answered by version " + version + ", expected " + answering(split);
        }
        if (served.predictions().size() != 1) {
            return "row " + rowNumber + ": expected 1 prediction, got " + served.predictions().size();
        }
        Map<String, Object> got = served.predictions().get(0);
        Map<String, Object> expected = cache.computeIfAbsent(version, predictors).predictRow(rows.get(rowNumber - 1));
        Object e = expected.get("prediction");
        Object g = got.get("prediction");
        if (e instanceof Number en) {
            if (!(g instanceof Number gn) || !close(en.doubleValue(), gn.doubleValue())) {
                return "row " + rowNumber + ": expected " + number(en) + ", got " + (g instanceof Number gn2 ? number(gn2) : g);
            }
            return null;
        }
        if (!Objects.equals(String.valueOf(e), g == null ? null : String.valueOf(g))) {
            return "row " + rowNumber + ": expected " + e + ", got " + g;
        }
        if (expected.get("score") instanceof Number es) {
            Object gs = got.get("score");
            if (!(gs instanceof Number gsn) || !close(es.doubleValue(), gsn.doubleValue())) {
                return "row " + rowNumber + ": expected score " + number(es) + ", got " + (gs instanceof Number n ? number(n) : gs);
            }
        }
        return null;
    }

    private static String answering(TrafficSplit split) {
        return split.canary() == null ? "stable " + split.stable() : "stable " + split.stable() + " or canary " + split.canary();
    }

    private static boolean close(double expected, double got) {
        return Math.abs(expected - got) <= TOLERANCE * Math.max(1.0, Math.abs(expected));
    }

    private static String number(Number n) {
        return String.format(Locale.ROOT, "%.6g", n.doubleValue());
    }
}
