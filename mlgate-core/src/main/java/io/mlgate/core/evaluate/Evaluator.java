package io.mlgate.core.evaluate;

import io.mlgate.core.config.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the holdout metrics of one model.
 *
 * <ul>
 *   <li>Binary classification ({@code positive} set): accuracy; precision, recall and F1 of the
 *   positive class from the already thresholded {@code predicted}; with scores also AUC
 *   (rank based, ties count one half), PR-AUC (average precision as sklearn's
 *   {@code average_precision_score}), log_loss and brier, plus ROC and PR curves.</li>
 *   <li>Multiclass ({@code positive} null): accuracy and macro F1 (named {@code f1}).</li>
 *   <li>Regression: mae, rmse, mse, r2.</li>
 * </ul>
 */
public final class Evaluator {
    /** Curves in reports are drawn, not analysed: 200 points are plenty and keep reports small. */
    public static final int MAX_CURVE_POINTS = 200;

    private Evaluator() {
    }

    public static MetricSet evaluate(Predictions predictions) {
        WeightedMetrics metrics = WeightedMetrics.of(predictions);
        Map<String, Double> values = new LinkedHashMap<>();
        for (MetricCatalog metric : MetricCatalog.forTask(predictions.task())) {
            double value = metrics.value(metric, null);
            if (Double.isFinite(value)) {
                values.put(metric.metricName(), value);
            }
        }
        ConfusionMatrix confusion = null;
        List<CurvePoint> roc = List.of();
        List<CurvePoint> pr = List.of();
        if (predictions.task() == Task.CLASSIFICATION) {
            confusion = metrics.confusion(predictions.positive());
            if (metrics.binaryWithScores()) {
                roc = downsample(metrics.curve(true), MAX_CURVE_POINTS);
                pr = downsample(metrics.curve(false), MAX_CURVE_POINTS);
            }
        }
        return new MetricSet(values, confusion, roc, pr, metrics.size());
    }

    /** Evenly spaced points of the curve, always keeping the first and the last. */
    static List<CurvePoint> downsample(CurvePoint[] points, int max) {
        if (points.length <= max) {
            return List.of(points);
        }
        List<CurvePoint> kept = new ArrayList<>(max);
        int previous = -1;
        for (int k = 0; k < max; k++) {
            int index = (int) Math.round((double) k * (points.length - 1) / (max - 1));
            if (index != previous) {
                kept.add(points[index]);
                previous = index;
            }
        }
        return kept;
    }
}
