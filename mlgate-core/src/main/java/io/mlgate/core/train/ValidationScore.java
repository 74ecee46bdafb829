package io.mlgate.core.train;

import io.mlgate.core.config.Task;
import io.mlgate.core.evaluate.Evaluator;
import io.mlgate.core.evaluate.MetricCatalog;
import io.mlgate.core.evaluate.MetricSet;
import io.mlgate.core.evaluate.Predictions;
import java.util.Arrays;
import java.util.List;

/**
 * The few metrics training needs to pick a candidate and a threshold on the validation split,
 * computed from scores (never from Tribuo's argmax-only evaluator). The full metric set with
 * intervals lives in {@code io.mlgate.core.evaluate}.
 */
final class ValidationScore {
    private static final String POSITIVE = "1";
    private static final String NEGATIVE = "0";

    private ValidationScore() {
    }

    /**
     * A binary classification metric, computed by {@link Evaluator} (the one implementation of
     * every metric): scores give auc/pr_auc/log_loss/brier, the threshold gives the rest.
     *
     * @param positive  true where the actual class is the positive one
     * @param score     probability of the positive class
     * @param threshold decision threshold for threshold metrics
     */
    static double classification(MetricCatalog metric, boolean[] positive, double[] score, double threshold) {
        if (metric.task() != Task.CLASSIFICATION) {
            throw new IllegalArgumentException("metric " + metric.metricName() + " is not a classification metric");
        }
        String[] actual = new String[score.length];
        String[] predicted = new String[score.length];
        for (int i = 0; i < score.length; i++) {
            actual[i] = positive[i] ? POSITIVE : NEGATIVE;
            predicted[i] = score[i] >= threshold ? POSITIVE : NEGATIVE;
        }
        return value(Evaluator.evaluate(Predictions.classification(POSITIVE, threshold, actual, predicted, score)), metric);
    }

    /** A multiclass metric: macro one-vs-rest AUC, accuracy or log loss over the class probabilities. */
    static double multiclass(MetricCatalog metric, int[] actual, double[][] probs) {
        int k = probs.length == 0 ? 0 : probs[0].length;
        switch (metric) {
            case AUC: {
                double sum = 0;
                int used = 0;
                for (int c = 0; c < k; c++) {
                    boolean[] pos = new boolean[actual.length];
                    double[] s = new double[actual.length];
                    for (int i = 0; i < actual.length; i++) {
                        pos[i] = actual[i] == c;
                        s[i] = probs[i][c];
                    }
                    double auc = classification(MetricCatalog.AUC, pos, s, 0.5);
                    if (!Double.isNaN(auc)) {
                        sum += auc;
                        used++;
                    }
                }
                return used == 0 ? Double.NaN : sum / used;
            }
            case ACCURACY: {
                int right = 0;
                for (int i = 0; i < actual.length; i++) {
                    if (argmax(probs[i]) == actual[i]) {
                        right++;
                    }
                }
                return (double) right / actual.length;
            }
            case LOG_LOSS: {
                double sum = 0;
                for (int i = 0; i < actual.length; i++) {
                    sum -= Math.log(clip(actual[i] >= 0 ? probs[i][actual[i]] : 0));
                }
                return sum / actual.length;
            }
            default:
                throw new IllegalArgumentException("train.search.metric " + metric.metricName()
                        + " needs a binary problem; for several classes use auc, accuracy or log_loss");
        }
    }

    static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** A regression metric, computed by {@link Evaluator}. */
    static double regression(MetricCatalog metric, double[] actual, double[] predicted) {
        if (metric.task() != Task.REGRESSION) {
            throw new IllegalArgumentException("metric " + metric.metricName() + " is not a regression metric");
        }
        return value(Evaluator.evaluate(Predictions.regression(actual, predicted)), metric);
    }

    /** The metric's value, NaN where it is undefined (e.g. AUC of a split with one class). */
    private static double value(MetricSet metrics, MetricCatalog metric) {
        Double v = metrics.get(metric.metricName());
        return v == null ? Double.NaN : v;
    }

    private static double clip(double p) {
        return Math.min(1 - 1e-15, Math.max(1e-15, p));
    }

    /**
     * The threshold with the best F1 on the given scores: every distinct score is tried as a cut
     * (predict positive when score &gt;= cut); ties go to the higher threshold.
     */
    static double bestF1Threshold(boolean[] positive, double[] score) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        long totalPos = 0;
        for (boolean p : positive) {
            if (p) {
                totalPos++;
            }
        }
        double bestF1 = -1;
        double best = 0.5;
        long tp = 0;
        long fp = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && score[order[j]] == score[order[i]]) {
                if (positive[order[j]]) {
                    tp++;
                } else {
                    fp++;
                }
                j++;
            }
            long fn = totalPos - tp;
            double f1 = tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = score[order[i]];
            }
            i = j;
        }
        return best;
    }

    /** Names of the metrics usable for {@code search.metric} in a task. */
    static List<String> names(Task task) {
        return MetricCatalog.forTask(task).stream().map(MetricCatalog::metricName).toList();
    }
}
