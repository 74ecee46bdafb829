package io.mlgate.core.evaluate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one model on one set of rows. A metric that does not apply (AUC of a
 * multiclass problem) or cannot be computed (AUC when only one class is present) is absent,
 * never 0 or NaN, so that a gate on it reads as missing.
 *
 * @param values    metric name ({@link MetricCatalog#metricName()}) to value, in catalog order
 * @param confusion confusion matrix (classification), else null
 * @param roc       ROC curve, at most 200 points (binary classification with scores), else empty
 * @param pr        precision-recall curve, at most 200 points, else empty
 * @param rows      number of rows evaluated
 */
public record MetricSet(Map<String, Double> values, ConfusionMatrix confusion, List<CurvePoint> roc, List<CurvePoint> pr, long rows) {

    public MetricSet {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        roc = roc == null ? List.of() : List.copyOf(roc);
        pr = pr == null ? List.of() : List.copyOf(pr);
    }

    /** The value of a metric, or null when it is absent. */
    public Double get(String metric) {
        return values.get(metric);
    }

    /** True when the metric was computed. */
    public boolean has(String metric) {
        return values.containsKey(metric);
    }
}
