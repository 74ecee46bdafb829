package io.mlgate.core.train;

import java.util.List;
import java.util.Map;

/**
 * One trained candidate and how it scored on the validation split (or out of fold).
 *
 * @param trainer         trainer name
 * @param params          the params used, defaults filled in
 * @param metric          the metric that picks the best
 * @param validationScore the candidate's value of {@code metric}
 * @param curve           per-iteration points {@code [iteration, value]}: for xgboost the
 *                        validation {@code metric} after each k rounds; for logistic/linear the
 *                        training loss per epoch; empty for cart and random-forest (one round)
 * @param curveName       what {@code curve} measures, e.g. {@code "validation auc"}, or null
 */
public record CandidateResult(String trainer, Map<String, Object> params, String metric, double validationScore,
                              List<double[]> curve, String curveName) {
    public CandidateResult {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        curve = curve == null ? List.of() : List.copyOf(curve);
    }
}
