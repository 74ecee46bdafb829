package io.mlgate.core.evaluate;

import io.mlgate.core.config.Task;

/**
 * A model's predictions on the rows of one data set, aligned with the actual values. This is
 * what metrics, gates, bootstrap intervals and slices are computed from.
 *
 * <p>Classification fills {@code actual}, {@code predicted} and, for binary problems,
 * {@code positiveScore} (probability of {@code positive}); {@code predicted} already applies
 * {@code threshold} to the score. Regression fills {@code actualValues} and
 * {@code predictedValues}.
 *
 * @param task            classification or regression
 * @param positive        positive class of a binary problem, else null
 * @param threshold       decision threshold applied to the positive score
 * @param actual          actual classes
 * @param predicted       predicted classes
 * @param positiveScore   probability of the positive class per row
 * @param actualValues    actual regression targets
 * @param predictedValues predicted regression targets
 */
public record Predictions(
        Task task,
        String positive,
        double threshold,
        String[] actual,
        String[] predicted,
        double[] positiveScore,
        double[] actualValues,
        double[] predictedValues) {

    public static Predictions classification(String positive, double threshold, String[] actual, String[] predicted, double[] positiveScore) {
        return new Predictions(Task.CLASSIFICATION, positive, threshold, actual, predicted, positiveScore, null, null);
    }

    public static Predictions regression(double[] actualValues, double[] predictedValues) {
        return new Predictions(Task.REGRESSION, null, Double.NaN, null, null, null, actualValues, predictedValues);
    }

    /** Number of rows. */
    public int size() {
        return task == Task.CLASSIFICATION ? actual.length : actualValues.length;
    }

    /** The rows at the given indices (for bootstrap resamples and slices). */
    public Predictions select(int[] rows) {
        if (task == Task.REGRESSION) {
            double[] a = new double[rows.length];
            double[] p = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                a[i] = actualValues[rows[i]];
                p[i] = predictedValues[rows[i]];
            }
            return regression(a, p);
        }
        String[] a = new String[rows.length];
        String[] p = new String[rows.length];
        double[] s = positiveScore == null ? null : new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            a[i] = actual[rows[i]];
            p[i] = predicted[rows[i]];
            if (s != null) {
                s[i] = positiveScore[rows[i]];
            }
        }
        return classification(positive, threshold, a, p, s);
    }
}
