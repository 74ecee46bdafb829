package io.mlgate.core.monitor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the serving side says about one deployed model version: live feature drift, what it
 * predicted, how many requests failed and how slow it was. Read from the server's
 * {@code /metrics} or from a Prometheus server over a window.
 *
 * @param source           where the signals came from (for messages)
 * @param window           the span the counters cover: {@code since the version was loaded} for
 *                         {@code /metrics}, the query window (e.g. {@code 1h}) for Prometheus
 * @param error            null, or why the signals could not be read (then everything else is empty)
 * @param driftRows        rows in the server's drift window, null when the gauge is absent
 * @param psi              feature to PSI (absent below the server's drift min rows)
 * @param js               feature to Jensen-Shannon distance
 * @param predictedClasses class to predicted rows (classification)
 * @param predictedValues  cumulative histogram of predicted values (regression), by upper bound
 * @param requests         predict requests answered by the version
 * @param serverErrors     of those, answered with a 5xx status
 * @param latencyP99       99th percentile of the request latency in seconds, null without requests
 */
public record ServingSignals(String source, String window, String error, Long driftRows, Map<String, Double> psi,
                             Map<String, Double> js, Map<String, Double> predictedClasses, List<Bucket> predictedValues,
                             double requests, double serverErrors, Double latencyP99) {

    public ServingSignals {
        psi = copy(psi);
        js = copy(js);
        predictedClasses = copy(predictedClasses);
        predictedValues = predictedValues == null ? List.of() : List.copyOf(predictedValues);
    }

    /** One cumulative histogram bucket: {@code count} observations at or below {@code le}. */
    public record Bucket(double le, double count) {
    }

    /** Signals that could not be read; {@code error} says why. */
    public static ServingSignals unavailable(String source, String window, String error) {
        return new ServingSignals(source, window, error, null, null, null, null, null, 0, 0, null);
    }

    public boolean available() {
        return error == null;
    }

    /** Total predicted rows (classes or values). */
    public double predictions() {
        if (!predictedClasses.isEmpty()) {
            return predictedClasses.values().stream().mapToDouble(Double::doubleValue).sum();
        }
        return predictedValues.isEmpty() ? 0 : predictedValues.get(predictedValues.size() - 1).count();
    }

    /** 5xx share of the requests, null without requests. */
    public Double errorRate() {
        return requests > 0 ? serverErrors / requests : null;
    }

    /**
     * The {@code q} quantile of a cumulative histogram, interpolated linearly inside the bucket
     * as Prometheus' {@code histogram_quantile} does; null when empty. A quantile in the
     * {@code +Inf} bucket is the largest finite bound.
     */
    public static Double quantile(double q, List<Bucket> cumulative) {
        if (cumulative.isEmpty()) {
            return null;
        }
        double total = cumulative.get(cumulative.size() - 1).count();
        if (!(total > 0)) {
            return null;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Bucket b : cumulative) {
            if (b.count() >= rank) {
                if (Double.isInfinite(b.le())) {
                    return lowerBound;
                }
                double inBucket = b.count() - lowerCount;
                return inBucket <= 0 ? b.le() : lowerBound + (b.le() - lowerBound) * (rank - lowerCount) / inBucket;
            }
            lowerBound = b.le();
            lowerCount = b.count();
        }
        return lowerBound;
    }

    private static Map<String, Double> copy(Map<String, Double> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
