package io.mlgate.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.common.xgboost.XGBoostFeatureImportance;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * Computes {@link FeatureImportance} lists: per encoded feature, then summed to the contract
 * columns of the encoder, normalised to sum 1 and sorted (largest first, ties by name), so the
 * same model and data always give the same list.
 */
final class FeatureImportances {
    /** Shuffles per column for permutation importance. */
    static final int PERMUTATION_REPEATS = 5;
    /** At most this many validation rows are shuffled (a seeded sample beyond), to bound the cost. */
    static final int PERMUTATION_MAX_ROWS = 10_000;

    static final String GAIN = "gain";
    static final String COEFFICIENTS = "coefficients";
    static final String PERMUTATION = "permutation";

    private FeatureImportances() {
    }

    /**
     * XGBoost's total gain per feature (the loss reduction of every split on it, summed over all
     * trees; Tribuo names XGBoost's {@code f<id>} features back), summed over the boosters of a
     * multi-output model.
     */
    static List<FeatureImportance> gain(XGBoostModel<?> model, FeatureEncoder enc) {
        Map<String, Double> perFeature = new HashMap<>();
        for (XGBoostFeatureImportance booster : model.getFeatureImportance()) {
            booster.getTotalGain().forEach((name, gain) -> perFeature.merge(name, gain, Double::sum));
        }
        return aggregate(enc, perFeature, GAIN);
    }

    /**
     * |coefficient| x standard deviation of the input, per column: the standard deviation over the
     * training rows of the column's contribution to the linear predictor. For a numeric column
     * that is exactly |w| x sd(x), and since numeric inputs are standardised, |w|; for a category it
     * is the spread of the one-hot weights weighted by how often each value occurs, so a column
     * with many rare values does not collect importance from the noise of each one. A one-hot
     * feature's detail is |w| x sd of its 0/1 input. For two classes the coefficient is the
     * log-odds one, {@code w_positive - w_negative}; for more, each class's weight minus the mean
     * over classes (averaged over classes); for regression the weight (per target deviation).
     */
    static List<FeatureImportance> coefficients(AbstractLinearSGDModel<?> model, RawTable raw, FeatureEncoder enc, int[] rows) {
        DenseMatrix w = model.getWeightsCopy();
        ImmutableFeatureMap fmap = model.getFeatureIDMap();
        int outputs = w.getDimension1Size();
        int m = outputs <= 2 ? 1 : outputs;
        int numFeatures = fmap.size();
        double[][] effective = new double[m][numFeatures];
        for (int j = 0; j < numFeatures; j++) {
            if (outputs == 1) {
                effective[0][j] = w.get(0, j);
            } else if (outputs == 2) {
                effective[0][j] = w.get(0, j) - w.get(1, j);
            } else {
                double mean = 0;
                for (int o = 0; o < outputs; o++) {
                    mean += w.get(o, j);
                }
                mean /= outputs;
                for (int o = 0; o < outputs; o++) {
                    effective[o][j] = w.get(o, j) - mean;
                }
            }
        }
        // the column of each feature id
        List<FeatureEncoder.Column> columns = enc.columns();
        Map<String, Integer> columnOf = new HashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            for (String name : featureNames(columns.get(c))) {
                columnOf.put(name, c);
            }
        }
        int[] columnOfId = new int[numFeatures];
        for (int j = 0; j < numFeatures; j++) {
            columnOfId[j] = columnOf.getOrDefault(fmap.get(j).getName(), -1);
        }
        int k = columns.size();
        double[][] sum = new double[k][m];
        double[][] sumSq = new double[k][m];
        double[] xSum = new double[numFeatures];
        double[] xSumSq = new double[numFeatures];
        double[][] contribution = new double[k][m];
        Label unknown = new LabelFactory().getUnknownOutput();
        int chunk = 4096;
        for (int from = 0; from < rows.length; from += chunk) {
            int[] part = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + chunk));
            Label[] outputsOf = new Label[part.length];
            Arrays.fill(outputsOf, unknown);
            for (Example<Label> e : DatasetLoader.examples(raw, enc, part, outputsOf)) {
                for (double[] c : contribution) {
                    Arrays.fill(c, 0.0);
                }
                for (Feature f : e) {
                    int j = fmap.getID(f.getName());
                    if (j < 0 || columnOfId[j] < 0) {
                        continue;
                    }
                    double x = f.getValue();
                    xSum[j] += x;
                    xSumSq[j] += x * x;
                    for (int o = 0; o < m; o++) {
                        contribution[columnOfId[j]][o] += effective[o][j] * x;
                    }
                }
                for (int c = 0; c < k; c++) {
                    for (int o = 0; o < m; o++) {
                        sum[c][o] += contribution[c][o];
                        sumSq[c][o] += contribution[c][o] * contribution[c][o];
                    }
                }
            }
        }
        int n = Math.max(1, rows.length);
        Map<String, Double> perColumn = new HashMap<>();
        for (int c = 0; c < k; c++) {
            double score = 0;
            for (int o = 0; o < m; o++) {
                score += std(sum[c][o], sumSq[c][o], n);
            }
            perColumn.put(columns.get(c).name(), score / m);
        }
        Map<String, Double> perFeature = new HashMap<>();
        for (int j = 0; j < numFeatures; j++) {
            double effect = 0;
            for (int o = 0; o < m; o++) {
                effect += Math.abs(effective[o][j]);
            }
            perFeature.put(fmap.get(j).getName(), effect / m * std(xSum[j], xSumSq[j], n));
        }
        return aggregate(enc, perColumn, perFeature, COEFFICIENTS);
    }

    private static double std(double sum, double sumSq, int n) {
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sumSq / n - mean * mean));
    }

    /** The search metric on the validation rows with one column's values taken from other rows. */
    interface PermutedMetric {
        /**
         * @param column      index of the column in the encoder
         * @param permutation validation position i takes the column's value of position {@code permutation[i]}
         */
        double value(int column, int[] permutation);
    }

    /**
     * Permutation importance: per column, the mean over {@link #PERMUTATION_REPEATS} seeded
     * shuffles of how much the metric gets worse than {@code baseline}. Negative means are kept in
     * {@code score} and count as 0 in the shares.
     *
     * @param rows number of validation positions
     */
    static List<FeatureImportance> permutation(FeatureEncoder enc, int rows, double baseline, boolean higherIsBetter, long seed,
                                               PermutedMetric metric) {
        Map<String, Double> perColumn = new LinkedHashMap<>();
        List<FeatureEncoder.Column> columns = enc.columns();
        for (int c = 0; c < columns.size(); c++) {
            // a generator per column: a column's shuffles do not depend on which columns exist
            Random rng = new Random(seed * 1_000_003L + c);
            double sum = 0;
            int used = 0;
            for (int r = 0; r < PERMUTATION_REPEATS; r++) {
                int[] perm = shuffled(rows, rng);
                double v = metric.value(c, perm);
                if (!Double.isNaN(v)) {
                    sum += higherIsBetter ? baseline - v : v - baseline;
                    used++;
                }
            }
            perColumn.put(columns.get(c).name(), used == 0 ? 0.0 : sum / used);
        }
        List<FeatureImportance> out = new ArrayList<>();
        double total = perColumn.values().stream().mapToDouble(v -> Math.max(0, v)).sum();
        perColumn.forEach((name, score) -> out.add(new FeatureImportance(name, share(Math.max(0, score), total), PERMUTATION, score, List.of())));
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** A seeded Fisher-Yates permutation of 0..n-1. */
    static int[] shuffled(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /**
     * Sums per-feature scores into the encoder's columns ({@code col=value} one-hot features into
     * {@code col}); every column is listed, unused ones with 0.
     */
    static List<FeatureImportance> aggregate(FeatureEncoder enc, Map<String, Double> perFeature, String method) {
        return aggregate(enc, null, perFeature, method);
    }

    /**
     * As {@link #aggregate(FeatureEncoder, Map, String)}, but with the columns' scores given
     * ({@code perColumn}, or null to sum the features); a column's share is then split over its
     * features in proportion to their scores.
     */
    static List<FeatureImportance> aggregate(FeatureEncoder enc, Map<String, Double> perColumn, Map<String, Double> perFeature,
                                             String method) {
        List<FeatureEncoder.Column> columns = enc.columns();
        double[] scores = new double[columns.size()];
        double total = 0;
        for (int c = 0; c < columns.size(); c++) {
            double score = 0;
            if (perColumn != null) {
                score = positive(perColumn.get(columns.get(c).name()));
            } else {
                for (String name : featureNames(columns.get(c))) {
                    score += positive(perFeature.get(name));
                }
            }
            scores[c] = score;
            total += score;
        }
        List<FeatureImportance> out = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            List<String> names = featureNames(columns.get(c));
            double featureTotal = 0;
            for (String name : names) {
                featureTotal += positive(perFeature.get(name));
            }
            double columnShare = share(scores[c], total);
            List<FeatureImportance.Part> parts = new ArrayList<>();
            for (String name : names) {
                double v = positive(perFeature.get(name));
                parts.add(new FeatureImportance.Part(name, featureTotal > 0 ? columnShare * v / featureTotal : 0.0));
            }
            parts.sort(Comparator.comparingDouble(FeatureImportance.Part::importance).reversed().thenComparing(FeatureImportance.Part::feature));
            out.add(new FeatureImportance(columns.get(c).name(), columnShare, method, scores[c], parts));
        }
        out.sort(ORDER);
        return List.copyOf(out);
    }

    /** The encoded feature names of a column: {@code col=value} per category, else the column. */
    private static List<String> featureNames(FeatureEncoder.Column col) {
        if (col.kind() != FeatureEncoder.Kind.CATEGORY) {
            return List.of(col.name());
        }
        List<String> names = new ArrayList<>();
        for (String v : col.categories() == null ? List.<String>of() : col.categories()) {
            names.add(col.name() + "=" + v);
        }
        return names;
    }

    private static final Comparator<FeatureImportance> ORDER =
            Comparator.comparingDouble(FeatureImportance::importance).reversed().thenComparing(FeatureImportance::feature);

    private static double positive(Double v) {
        return v == null || !Double.isFinite(v) || v < 0 ? 0.0 : v;
    }

    private static double share(double v, double total) {
        return total > 0 ? v / total : 0.0;
    }
}
