package io.mlgate.core.train;

import io.mlgate.core.evaluate.MetricCatalog;
import java.util.Arrays;
import java.util.List;

/**
 * The few metrics training needs to pick a candidate and a threshold on the validation split,
 * computed from scores (never from Tribuo's argmax-only evaluator). The full metric set with
 * intervals lives in {@code io.mlgate.core.evaluate}.
 */
final class ValidationScore {
    private ValidationScore() {
    }

    /**
     * A classification metric.
     *
     * @param positive  1 where the actual class is the positive one (binary problems)
     * @param score     probability of the positive class
     * @param correct   1 where the argmax prediction is right (used for accuracy of multiclass)
     * @param threshold decision threshold for threshold metrics
     */
    static double classification(MetricCatalog metric, boolean[] positive, double[] score, double threshold) {
        return switch (metric) {
            case AUC -> auc(positive, score);
            case PR_AUC -> averagePrecision(positive, score);
            case LOG_LOSS -> logLoss(positive, score);
            case BRIER -> brier(positive, score);
            case ACCURACY, PRECISION, RECALL, F1 -> thresholdMetric(metric, positive, score, threshold);
            default -> throw new IllegalArgumentException("metric " + metric.metricName() + " is not a classification metric");
        };
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
                    boolean any = false;
                    boolean anyNeg = false;
                    for (int i = 0; i < actual.length; i++) {
                        pos[i] = actual[i] == c;
                        any |= pos[i];
                        anyNeg |= !pos[i];
                        s[i] = probs[i][c];
                    }
                    if (any && anyNeg) {
                        sum += auc(pos, s);
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

    /** A regression metric. */
    static double regression(MetricCatalog metric, double[] actual, double[] predicted) {
        int n = actual.length;
        double sse = 0;
        double sae = 0;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double e = predicted[i] - actual[i];
            sse += e * e;
            sae += Math.abs(e);
            mean += actual[i];
        }
        mean /= n;
        return switch (metric) {
            case RMSE -> Math.sqrt(sse / n);
            case MSE -> sse / n;
            case MAE -> sae / n;
            case R2 -> {
                double sst = 0;
                for (double a : actual) {
                    sst += (a - mean) * (a - mean);
                }
                yield sst == 0 ? 0.0 : 1 - sse / sst;
            }
            default -> throw new IllegalArgumentException("metric " + metric.metricName() + " is not a regression metric");
        };
    }

    /** ROC AUC by the rank-sum (Mann-Whitney) formula, ties counted half. */
    static double auc(boolean[] positive, double[] score) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && score[order[j]] == score[order[i]]) {
                j++;
            }
            double avgRank = (i + 1 + j) / 2.0;
            for (int t = i; t < j; t++) {
                if (positive[order[t]]) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Average precision (area under the precision-recall curve, step-wise). */
    static double averagePrecision(boolean[] positive, double[] score) {
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
        if (totalPos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            long tpBlock = 0;
            while (j < n && score[order[j]] == score[order[i]]) {
                if (positive[order[j]]) {
                    tpBlock++;
                }
                j++;
            }
            tp += tpBlock;
            ap += (double) tpBlock / totalPos * ((double) tp / j);
            i = j;
        }
        return ap;
    }

    private static double clip(double p) {
        return Math.min(1 - 1e-15, Math.max(1e-15, p));
    }

    static double logLoss(boolean[] positive, double[] score) {
        double sum = 0;
        for (int i = 0; i < score.length; i++) {
            sum -= positive[i] ? Math.log(clip(score[i])) : Math.log(clip(1 - score[i]));
        }
        return sum / score.length;
    }

    static double brier(boolean[] positive, double[] score) {
        double sum = 0;
        for (int i = 0; i < score.length; i++) {
            double d = score[i] - (positive[i] ? 1 : 0);
            sum += d * d;
        }
        return sum / score.length;
    }

    static double thresholdMetric(MetricCatalog metric, boolean[] positive, double[] score, double threshold) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < score.length; i++) {
            boolean predicted = score[i] >= threshold;
            if (predicted && positive[i]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (positive[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return switch (metric) {
            case ACCURACY -> (double) (tp + tn) / score.length;
            case PRECISION -> tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
            case RECALL -> tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
            default -> tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
        };
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
    static List<String> names(io.mlgate.core.config.Task task) {
        return MetricCatalog.forTask(task).stream().map(MetricCatalog::metricName).toList();
    }
}
