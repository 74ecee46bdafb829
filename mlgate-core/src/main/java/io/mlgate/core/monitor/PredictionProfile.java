package io.mlgate.core.monitor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.config.Task;
import io.mlgate.core.data.Drift;
import io.mlgate.core.evaluate.ConfusionMatrix;
import io.mlgate.core.evaluate.Predictions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a model predicted on the holdout when it was registered: the share of each predicted
 * class (classification), or the predicted values (regression). The live predictions of the
 * deployed version are compared with it (PSI) to see the prediction distribution shift.
 *
 * <p>Classification shares are stored with the registered version as the tag {@value #TAG}
 * (compact JSON) by {@code mlgate register}/{@code run}; without it, the monitor scores
 * {@code data.holdout} with the version's model again.
 *
 * @param classShares class to share of the holdout rows predicted as it (classification), else empty
 * @param values      predicted values, sorted (regression), else empty
 */
public record PredictionProfile(Map<String, Double> classShares, double[] values) {
    /** The registry tag holding the holdout's predicted-class shares. */
    public static final String TAG = "holdout_prediction_shares";
    private static final ObjectMapper JSON = new ObjectMapper();

    public PredictionProfile {
        classShares = classShares == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(classShares));
        values = values == null ? new double[0] : values.clone();
        Arrays.sort(values);
    }

    /** The profile of a model's holdout predictions. */
    public static PredictionProfile of(Predictions p) {
        if (p.task() == Task.REGRESSION) {
            return new PredictionProfile(null, p.predictedValues());
        }
        Map<String, Double> counts = new TreeMap<>();
        for (String c : p.predicted()) {
            counts.merge(c, 1.0, Double::sum);
        }
        return new PredictionProfile(normalise(counts), null);
    }

    /** Predicted-class shares from the columns of a holdout confusion matrix (what {@code register} stores). */
    public static PredictionProfile of(ConfusionMatrix confusion) {
        Map<String, Double> counts = new TreeMap<>();
        for (int p = 0; p < confusion.labels().size(); p++) {
            double sum = 0;
            for (long[] row : confusion.counts()) {
                sum += row[p];
            }
            counts.put(confusion.labels().get(p), sum);
        }
        return new PredictionProfile(normalise(counts), null);
    }

    /** The tag value: {@code {"bad":0.0712,"good":0.9288}}. */
    public String toTag() {
        try {
            Map<String, Double> rounded = new LinkedHashMap<>();
            classShares.forEach((c, s) -> rounded.put(c, Math.round(s * 1e6) / 1e6));
            return JSON.writeValueAsString(rounded);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the prediction profile", e);
        }
    }

    /** Reads {@link #toTag()}; null when absent or unreadable. */
    public static PredictionProfile fromTag(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return new PredictionProfile(JSON.readValue(json, new TypeReference<Map<String, Double>>() { }), null);
        } catch (IOException e) {
            return null;
        }
    }

    public boolean isClassification() {
        return !classShares.isEmpty();
    }

    /** PSI of live class counts against the holdout shares (over the union of classes). */
    public double classPsi(Map<String, Double> liveCounts) {
        TreeSet<String> classes = new TreeSet<>(classShares.keySet());
        classes.addAll(liveCounts.keySet());
        Map<String, Double> live = normalise(new TreeMap<>(liveCounts));
        double[] expected = new double[classes.size()];
        double[] actual = new double[classes.size()];
        int i = 0;
        for (String c : classes) {
            expected[i] = classShares.getOrDefault(c, 0.0);
            actual[i] = live.getOrDefault(c, 0.0);
            i++;
        }
        return Drift.psi(expected, actual);
    }

    /** Live class counts as shares. */
    public static Map<String, Double> normalise(Map<String, Double> counts) {
        double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> shares = new TreeMap<>();
        counts.forEach((c, n) -> shares.put(c, total > 0 ? n / total : 0.0));
        return shares;
    }

    /**
     * PSI of a live cumulative histogram of predicted values against the holdout values put in
     * the same buckets; NaN when there are no values or buckets.
     */
    public double valuePsi(List<ServingSignals.Bucket> cumulative) {
        if (values.length == 0 || cumulative.isEmpty()) {
            return Double.NaN;
        }
        List<Double> expected = new ArrayList<>();
        List<Double> actual = new ArrayList<>();
        double total = cumulative.get(cumulative.size() - 1).count();
        double previousCount = 0;
        int previousIndex = 0;
        for (ServingSignals.Bucket b : cumulative) {
            int upTo = Double.isInfinite(b.le()) ? values.length : upperIndex(b.le());
            expected.add((double) (upTo - previousIndex) / values.length);
            actual.add(total > 0 ? (b.count() - previousCount) / total : 0.0);
            previousIndex = upTo;
            previousCount = b.count();
        }
        if (previousIndex < values.length) {
            // values above the last finite bound when the histogram has no +Inf bucket
            expected.add((double) (values.length - previousIndex) / values.length);
            actual.add(0.0);
        }
        return Drift.psi(expected.stream().mapToDouble(Double::doubleValue).toArray(), actual.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Number of values at or below {@code le}. */
    private int upperIndex(double le) {
        int lo = 0;
        int hi = values.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values[mid] <= le) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
