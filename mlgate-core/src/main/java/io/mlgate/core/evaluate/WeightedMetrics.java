package io.mlgate.core.evaluate;

import io.mlgate.core.config.Task;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Metrics of one set of predictions under integer row weights. Weights are how a bootstrap
 * resample is represented (how often each row was drawn), so that the expensive part (sorting
 * rows by score for AUC and average precision) is done once here and every resample costs O(n).
 * A null weight array means every row once.
 *
 * <p>Zero-division conventions follow sklearn's {@code zero_division=0}: precision, recall and
 * F1 are 0 when their denominator is 0. Metrics that are undefined (AUC with one class, R2 of
 * nothing) are NaN.
 */
final class WeightedMetrics {
    /** log_loss clips probabilities away from 0 and 1, as sklearn did with eps=1e-15. */
    private static final double LOG_LOSS_EPS = 1e-15;

    private final Task task;
    private final int n;
    // classification
    private final boolean binary;
    private final boolean[] correct;
    private final boolean[] actualPositive;
    private final boolean[] predictedPositive;
    private final double[] score;
    /** Row indices by descending score; rows of one score are contiguous. */
    private final int[] order;
    /** Start offsets in {@link #order} of each group of tied scores, plus n at the end. */
    private final int[] groupStart;
    private final String[] classes;
    private final int[] actualIndex;
    private final int[] predictedIndex;
    // regression
    private final double[] actualValues;
    private final double[] predictedValues;

    private WeightedMetrics(Predictions p) {
        this.task = p.task();
        this.n = p.size();
        if (task == Task.REGRESSION) {
            Objects.requireNonNull(p.actualValues(), "regression predictions need actualValues");
            Objects.requireNonNull(p.predictedValues(), "regression predictions need predictedValues");
            requireLength(p.predictedValues().length, "predictedValues");
            actualValues = p.actualValues();
            predictedValues = p.predictedValues();
            binary = false;
            correct = actualPositive = predictedPositive = null;
            score = null;
            order = groupStart = actualIndex = predictedIndex = null;
            classes = null;
            return;
        }
        Objects.requireNonNull(p.actual(), "classification predictions need actual classes");
        Objects.requireNonNull(p.predicted(), "classification predictions need predicted classes");
        requireLength(p.predicted().length, "predicted");
        actualValues = predictedValues = null;
        String[] actual = p.actual();
        String[] predicted = p.predicted();
        correct = new boolean[n];
        for (int i = 0; i < n; i++) {
            correct[i] = Objects.equals(actual[i], predicted[i]);
        }
        TreeSet<String> labels = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            labels.add(String.valueOf(actual[i]));
            labels.add(String.valueOf(predicted[i]));
        }
        if (p.positive() != null) {
            labels.add(p.positive());
        }
        classes = labels.toArray(String[]::new);
        actualIndex = new int[n];
        predictedIndex = new int[n];
        for (int i = 0; i < n; i++) {
            actualIndex[i] = Arrays.binarySearch(classes, String.valueOf(actual[i]));
            predictedIndex[i] = Arrays.binarySearch(classes, String.valueOf(predicted[i]));
        }
        binary = p.positive() != null;
        if (!binary) {
            actualPositive = predictedPositive = null;
            score = null;
            order = groupStart = null;
            return;
        }
        actualPositive = new boolean[n];
        predictedPositive = new boolean[n];
        for (int i = 0; i < n; i++) {
            actualPositive[i] = p.positive().equals(actual[i]);
            predictedPositive[i] = p.positive().equals(predicted[i]);
        }
        score = p.positiveScore();
        if (score == null) {
            order = groupStart = null;
            return;
        }
        requireLength(score.length, "positiveScore");
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(score[i])) {
                throw new IllegalArgumentException("positive score of row " + i + " is NaN; the model must score every holdout row");
            }
        }
        double[] s = score;
        order = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> s[i]).reversed())
                .mapToInt(Integer::intValue).toArray();
        int[] starts = new int[n + 1];
        int groups = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || s[order[k]] != s[order[k - 1]]) {
                starts[groups++] = k;
            }
        }
        starts[groups++] = n;
        groupStart = Arrays.copyOf(starts, groups);
    }

    static WeightedMetrics of(Predictions predictions) {
        return new WeightedMetrics(Objects.requireNonNull(predictions, "predictions"));
    }

    int size() {
        return n;
    }

    boolean binaryWithScores() {
        return binary && score != null;
    }

    String[] classes() {
        return classes;
    }

    private void requireLength(int length, String what) {
        if (length != n) {
            throw new IllegalArgumentException(what + " has " + length + " rows but actual has " + n + "; predictions must be aligned row by row");
        }
    }

    private static int w(int[] weights, int i) {
        return weights == null ? 1 : weights[i];
    }

    /** The metric under the weights; NaN when it does not apply or is undefined. */
    double value(MetricCatalog metric, int[] weights) {
        if (metric.task() != task || n == 0) {
            return Double.NaN;
        }
        return switch (metric) {
            case ACCURACY -> accuracy(weights);
            case PRECISION, RECALL -> binary ? precisionRecall(metric, weights) : Double.NaN;
            case F1 -> binary ? f1(weights) : macroF1(weights);
            case AUC -> binaryWithScores() ? auc(weights) : Double.NaN;
            case PR_AUC -> binaryWithScores() ? averagePrecision(weights) : Double.NaN;
            case LOG_LOSS -> binaryWithScores() ? logLoss(weights) : Double.NaN;
            case BRIER -> binaryWithScores() ? brier(weights) : Double.NaN;
            case MAE, RMSE, MSE, R2 -> regression(metric, weights);
        };
    }

    private double accuracy(int[] weights) {
        long total = 0;
        long right = 0;
        for (int i = 0; i < n; i++) {
            int wi = w(weights, i);
            total += wi;
            if (correct[i]) {
                right += wi;
            }
        }
        return total == 0 ? Double.NaN : (double) right / total;
    }

    /** tp, fp, fn of the positive class. */
    private long[] counts(int[] weights) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < n; i++) {
            int wi = w(weights, i);
            if (predictedPositive[i]) {
                if (actualPositive[i]) {
                    tp += wi;
                } else {
                    fp += wi;
                }
            } else if (actualPositive[i]) {
                fn += wi;
            }
        }
        return new long[] {tp, fp, fn};
    }

    private double precisionRecall(MetricCatalog metric, int[] weights) {
        long[] c = counts(weights);
        long denominator = metric == MetricCatalog.PRECISION ? c[0] + c[1] : c[0] + c[2];
        return denominator == 0 ? 0.0 : (double) c[0] / denominator;
    }

    private double f1(int[] weights) {
        long[] c = counts(weights);
        long denominator = 2 * c[0] + c[1] + c[2];
        return denominator == 0 ? 0.0 : 2.0 * c[0] / denominator;
    }

    /** Unweighted mean of per-class F1 over the classes present (actual or predicted), as sklearn's average='macro'. */
    private double macroF1(int[] weights) {
        int k = classes.length;
        long[] tp = new long[k];
        long[] act = new long[k];
        long[] pred = new long[k];
        for (int i = 0; i < n; i++) {
            int wi = w(weights, i);
            act[actualIndex[i]] += wi;
            pred[predictedIndex[i]] += wi;
            if (actualIndex[i] == predictedIndex[i]) {
                tp[actualIndex[i]] += wi;
            }
        }
        double sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            if (act[c] + pred[c] > 0) {
                present++;
                sum += 2.0 * tp[c] / (act[c] + pred[c]);
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    /** Mann-Whitney form over groups of tied scores: a tied positive/negative pair counts one half. */
    private double auc(int[] weights) {
        double positives = 0;
        double negatives = 0;
        for (int i = 0; i < n; i++) {
            if (actualPositive[i]) {
                positives += w(weights, i);
            } else {
                negatives += w(weights, i);
            }
        }
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double negativesAbove = 0;
        double pairs = 0;
        for (int g = 0; g + 1 < groupStart.length; g++) {
            double gp = 0;
            double gn = 0;
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                int i = order[k];
                if (actualPositive[i]) {
                    gp += w(weights, i);
                } else {
                    gn += w(weights, i);
                }
            }
            pairs += gp * (negatives - negativesAbove - gn) + 0.5 * gp * gn;
            negativesAbove += gn;
        }
        return pairs / (positives * negatives);
    }

    /** sum over distinct thresholds of (R_k - R_k-1) * P_k, as sklearn's average_precision_score. */
    private double averagePrecision(int[] weights) {
        double positives = 0;
        for (int i = 0; i < n; i++) {
            if (actualPositive[i]) {
                positives += w(weights, i);
            }
        }
        if (positives == 0) {
            return Double.NaN;
        }
        double tp = 0;
        double fp = 0;
        double ap = 0;
        for (int g = 0; g + 1 < groupStart.length; g++) {
            double gp = 0;
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                int i = order[k];
                if (actualPositive[i]) {
                    gp += w(weights, i);
                } else {
                    fp += w(weights, i);
                }
            }
            if (gp > 0) {
                tp += gp;
                ap += (gp / positives) * (tp / (tp + fp));
            }
        }
        return ap;
    }

    private double logLoss(int[] weights) {
        double total = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int wi = w(weights, i);
            if (wi == 0) {
                continue;
            }
            double p = Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, score[i]));
            sum -= wi * (actualPositive[i] ? Math.log(p) : Math.log(1 - p));
            total += wi;
        }
        return total == 0 ? Double.NaN : sum / total;
    }

    private double brier(int[] weights) {
        double total = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int wi = w(weights, i);
            double d = score[i] - (actualPositive[i] ? 1 : 0);
            sum += wi * d * d;
            total += wi;
        }
        return total == 0 ? Double.NaN : sum / total;
    }

    private double regression(MetricCatalog metric, int[] weights) {
        double total = 0;
        double absolute = 0;
        double squared = 0;
        double sumY = 0;
        for (int i = 0; i < n; i++) {
            int wi = w(weights, i);
            double e = actualValues[i] - predictedValues[i];
            total += wi;
            absolute += wi * Math.abs(e);
            squared += wi * e * e;
            sumY += wi * actualValues[i];
        }
        if (total == 0) {
            return Double.NaN;
        }
        return switch (metric) {
            case MAE -> absolute / total;
            case MSE -> squared / total;
            case RMSE -> Math.sqrt(squared / total);
            case R2 -> r2(weights, squared, sumY / total);
            default -> Double.NaN;
        };
    }

    /** 1 - SS_res / SS_tot; with constant actual values 1.0 for a perfect fit, else 0.0 (sklearn's force_finite). */
    private double r2(int[] weights, double ssRes, double mean) {
        double ssTot = 0;
        for (int i = 0; i < n; i++) {
            double d = actualValues[i] - mean;
            ssTot += w(weights, i) * d * d;
        }
        if (ssTot == 0) {
            return ssRes == 0 ? 1.0 : 0.0;
        }
        return 1 - ssRes / ssTot;
    }

    // ---- curves and confusion matrix (unweighted, for the report) ----

    ConfusionMatrix confusion(String positive) {
        long[][] counts = new long[classes.length][classes.length];
        for (int i = 0; i < n; i++) {
            counts[actualIndex[i]][predictedIndex[i]]++;
        }
        return new ConfusionMatrix(Arrays.asList(classes), counts, positive);
    }

    /** Full ROC curve ({@code roc == true}) or precision-recall curve, one point per distinct score. */
    CurvePoint[] curve(boolean roc) {
        long positives = 0;
        for (boolean positive : actualPositive) {
            if (positive) {
                positives++;
            }
        }
        long negatives = n - positives;
        if (positives == 0 || (roc && negatives == 0)) {
            return new CurvePoint[0];
        }
        CurvePoint[] points = new CurvePoint[groupStart.length];
        points[0] = roc ? new CurvePoint(0, 0, Double.POSITIVE_INFINITY) : new CurvePoint(0, 1, Double.POSITIVE_INFINITY);
        long tp = 0;
        long fp = 0;
        for (int g = 0; g + 1 < groupStart.length; g++) {
            for (int k = groupStart[g]; k < groupStart[g + 1]; k++) {
                if (actualPositive[order[k]]) {
                    tp++;
                } else {
                    fp++;
                }
            }
            double threshold = score[order[groupStart[g]]];
            points[g + 1] = roc
                    ? new CurvePoint((double) fp / negatives, (double) tp / positives, threshold)
                    : new CurvePoint((double) tp / positives, (double) tp / (tp + fp), threshold);
        }
        return points;
    }
}
