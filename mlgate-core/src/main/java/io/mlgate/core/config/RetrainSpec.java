package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * When a deployed model should be retrained: the {@code retrain:} block of mlgate.yaml, read by
 * {@code mlgate monitor}. Every trigger has a threshold and a minimum amount of evidence; below
 * that evidence it gives no verdict (INACTIVE), never a pass. Without a {@code retrain:} block
 * the monitor watches feature drift (with {@code contract.drift}'s thresholds) and the shift of
 * the predicted classes; live metrics, new data and the schedule are off.
 *
 * <pre>
 * retrain:
 *   drift: { psi_fail: 0.25, js_fail: 0.3, min_rows: 1000, min_features: 1 }   # default: contract.drift
 *   prediction_shift: { psi_fail: 0.25, min_rows: 1000 }
 *   live_metrics:
 *     - { metric: auc, threshold: 0.65, min_delta: -0.05, min_rows: 500 }
 *     - { metric: rmse, threshold: 30000, max_delta: 5000, min_rows: 200 }       # regression
 *   new_data: { min_rows: 5000 }
 *   schedule: { every: 7d }
 * </pre>
 *
 * @param drift           per-feature drift of the live traffic (the server's PSI / JS gauges)
 * @param predictionShift shift of the predicted classes (or values) against the holdout at registration
 * @param liveMetrics     quality on labelled outcomes joined to the prediction log
 * @param newData         enough new labelled rows since the last training
 * @param schedule        retrain at least this often
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetrainSpec(Drift drift, PredictionShift predictionShift, List<LiveMetric> liveMetrics, NewData newData,
                          Schedule schedule) {

    public RetrainSpec {
        drift = drift == null ? Drift.defaults() : drift;
        predictionShift = predictionShift == null ? PredictionShift.defaults() : predictionShift;
        liveMetrics = liveMetrics == null ? List.of() : List.copyOf(liveMetrics);
    }

    public static RetrainSpec defaults() {
        return new RetrainSpec(null, null, null, null, null);
    }

    /**
     * Drift trigger: fires when at least {@code minFeatures} features drift at or above their fail
     * threshold while the server's drift window holds at least {@code minRows} rows.
     *
     * @param enabled     false turns the trigger off (default true)
     * @param psiFail     PSI at or above this is drift (default: contract.drift, per-feature overrides included)
     * @param jsFail      JS distance at or above this is drift (default: contract.drift.js_fail, else not judged)
     * @param minRows     rows needed in the drift window (default: contract.drift.min_rows)
     * @param minFeatures features that must drift (default 1)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Drift(Boolean enabled, Double psiFail, Double jsFail, Integer minRows, Integer minFeatures) {
        public Drift {
            enabled = enabled == null || enabled;
            minFeatures = minFeatures == null ? 1 : minFeatures;
        }

        public static Drift defaults() {
            return new Drift(null, null, null, null, null);
        }
    }

    /**
     * Prediction-shift trigger: PSI of the live predicted-class shares (regression: predicted
     * values over the server's histogram buckets) against the same on the holdout.
     *
     * @param enabled false turns the trigger off (default true)
     * @param psiFail PSI at or above this fires (default 0.25)
     * @param minRows predictions needed (default 1000)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PredictionShift(Boolean enabled, Double psiFail, Integer minRows) {
        public PredictionShift {
            enabled = enabled == null || enabled;
            psiFail = psiFail == null ? 0.25 : psiFail;
            minRows = minRows == null ? 1000 : minRows;
        }

        public static PredictionShift defaults() {
            return new PredictionShift(null, null, null);
        }
    }

    /**
     * Live-metric trigger on labelled outcomes. Direction comes from the metric, as for gates:
     * for higher-is-better metrics {@code threshold} is a floor and {@code minDelta} (negative) the
     * allowed drop below the value at registration; for lower-is-better ones {@code threshold} is a
     * ceiling and {@code maxDelta} (positive) the allowed rise.
     *
     * @param metric    a metric of the task (auc, f1, recall, rmse, ...)
     * @param threshold absolute floor (ceiling for lower-is-better metrics)
     * @param minDelta  live - at registration must stay at or above this (higher-is-better)
     * @param maxDelta  live - at registration must stay at or below this (lower-is-better)
     * @param minRows   labelled rows needed (default 200)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LiveMetric(String metric, Double threshold, Double minDelta, Double maxDelta, Integer minRows) {
        public LiveMetric {
            minRows = minRows == null ? 200 : minRows;
        }
    }

    /**
     * New-data trigger: fires when at least {@code minRows} labelled rows were logged after the
     * last training (registration).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewData(Integer minRows) {
    }

    /**
     * Schedule trigger: fires when the last registration in the history is {@code every} or longer ago.
     *
     * @param every {@code 7d}, {@code 12h}, {@code 30m}, {@code 2w}, or an ISO-8601 duration ({@code P7D})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schedule(String every) {
        /** The period, or null when {@code every} is not a duration (ConfigValidator reports it). */
        public java.time.Duration period() {
            return parseDuration(every);
        }
    }

    /** Parses {@code 7d}, {@code 12h}, {@code 30m}, {@code 45s}, {@code 2w} or ISO-8601 ({@code P7D}, {@code PT12H}); null when it is neither. */
    public static java.time.Duration parseDuration(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*([smhdw])").matcher(t.toLowerCase(java.util.Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> java.time.Duration.ofSeconds(n);
                case "m" -> java.time.Duration.ofMinutes(n);
                case "h" -> java.time.Duration.ofHours(n);
                case "d" -> java.time.Duration.ofDays(n);
                default -> java.time.Duration.ofDays(7 * n);
            };
        }
        try {
            return java.time.Duration.parse(t);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
