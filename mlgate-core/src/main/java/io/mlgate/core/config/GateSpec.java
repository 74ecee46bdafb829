package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One quality gate. Higher-is-better metrics (auc, f1, r2 ...) take {@code threshold} as a
 * minimum and {@code min_delta} / {@code min_relative_delta} as floors; lower-is-better ones
 * (rmse, mae, log_loss ...) take {@code threshold} as a maximum and {@code max_delta} /
 * {@code max_relative_delta} as ceilings. When both an absolute and a relative delta are set,
 * both must hold.
 *
 * @param metric           metric name, e.g. auc, f1, rmse
 * @param baseline         absolute (default when threshold is set) or champion
 * @param threshold        absolute limit
 * @param minDelta         candidate - champion must be at least this
 * @param minRelativeDelta (candidate - champion) / |champion| must be at least this
 * @param maxDelta         candidate - champion must be at most this
 * @param maxRelativeDelta (candidate - champion) / |champion| must be at most this
 * @param criticality      failure (default), warning, note
 * @param bootstrap        paired bootstrap interval on the delta; fails only when the whole
 *                         interval is beyond the limit
 * @param slice            apply the gate to every value of a column separately
 * @param name             optional display name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GateSpec(
        String metric,
        Baseline baseline,
        Double threshold,
        Double minDelta,
        Double minRelativeDelta,
        Double maxDelta,
        Double maxRelativeDelta,
        Criticality criticality,
        BootstrapSpec bootstrap,
        SliceSpec slice,
        String name) {

    public GateSpec {
        criticality = criticality == null ? Criticality.FAILURE : criticality;
        if (baseline == null) {
            baseline = threshold != null ? Baseline.ABSOLUTE : Baseline.CHAMPION;
        }
    }
}
