package io.mlgate.core.predict;

import io.mlgate.core.data.DataException;
import io.mlgate.core.train.FeatureEncoder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;

/**
 * {@link FeatureEncoder#encode} compiled against one model's feature ids: a row of cells becomes
 * a dense {@code double[]} indexed by Tribuo feature id, NaN where the model sees no feature (a
 * one-hot of another or an unseen category). No feature names are built on this path: each
 * column's feature id and each category's id are looked up once here.
 *
 * <p>Encoding follows {@code FeatureEncoder.encode} exactly (trimming, boolean words, impute
 * fills, binning, standardisation, and the same {@link DataException} messages).
 */
final class RowEncoder {
    private final String[] names;
    private final FeatureEncoder.Kind[] kinds;
    /** numeric/bool columns: the feature id, or -1 when the model does not know the column. */
    private final int[] featureId;
    /** category columns: value to feature id (only values the model knows). */
    private final List<Map<String, Integer>> categoryIds;
    private final String[] fillCategory;
    private final Double[] fill;
    private final double[][] binEdges;
    private final double[] mean;
    private final double[] std;
    private final ImmutableFeatureMap featureMap;
    private final int width;

    RowEncoder(FeatureEncoder encoder, ImmutableFeatureMap featureMap) {
        List<FeatureEncoder.Column> cols = encoder.columns();
        int k = cols.size();
        this.names = new String[k];
        this.kinds = new FeatureEncoder.Kind[k];
        this.featureId = new int[k];
        this.categoryIds = new java.util.ArrayList<>(k);
        this.fillCategory = new String[k];
        this.fill = new Double[k];
        this.binEdges = new double[k][];
        this.mean = new double[k];
        this.std = new double[k];
        this.featureMap = featureMap;
        this.width = featureMap.size();
        for (int c = 0; c < k; c++) {
            FeatureEncoder.Column col = cols.get(c);
            names[c] = col.name();
            kinds[c] = col.kind();
            fillCategory[c] = col.fillCategory();
            fill[c] = col.fill();
            binEdges[c] = col.binEdges();
            mean[c] = col.mean() == null ? Double.NaN : col.mean();
            std[c] = col.std() == null ? Double.NaN : col.std();
            Map<String, Integer> ids = new HashMap<>();
            if (col.kind() == FeatureEncoder.Kind.CATEGORY) {
                featureId[c] = -1;
                for (String v : col.categories() == null ? List.<String>of() : col.categories()) {
                    int id = featureMap.getID(col.name() + "=" + v);
                    if (id >= 0) {
                        ids.put(v, id);
                    }
                }
            } else {
                featureId[c] = featureMap.getID(col.name());
            }
            categoryIds.add(ids);
        }
    }

    /** Number of model features (the length of an encoded row). */
    int width() {
        return width;
    }

    /**
     * Encodes cells into {@code x} (length {@link #width}), NaN for absent features.
     *
     * @return how many of the model's features are present
     * @throws DataException for an empty cell without impute rule or a non-numeric number cell
     */
    int encode(Map<String, String> cell, double[] x) {
        Arrays.fill(x, Double.NaN);
        int present = 0;
        for (int c = 0; c < names.length; c++) {
            String rawText = cell.get(names[c]);
            boolean empty = rawText == null || rawText.isBlank();
            if (kinds[c] == FeatureEncoder.Kind.CATEGORY) {
                // categories are matched exactly as written, like labels
                String v = empty ? fillCategory[c] : rawText;
                if (v == null) {
                    throw missing(names[c]);
                }
                Integer id = categoryIds.get(c).get(v);
                if (id != null) {
                    x[id] = 1.0;
                    present++;
                }
                continue;
            }
            double v;
            if (empty) {
                if (fill[c] == null) {
                    throw missing(names[c]);
                }
                v = fill[c];
            } else {
                String text = rawText.trim();
                v = parseNumber(text, kinds[c]);
                if (Double.isNaN(v)) {
                    throw new DataException("column '" + names[c] + "' has '" + text + "', which is not "
                            + (kinds[c] == FeatureEncoder.Kind.BOOL ? "a boolean (true/false, yes/no, 1/0)" : "a number"));
                }
            }
            int id = featureId[c];
            if (id >= 0) {
                x[id] = transform(c, v);
                present++;
            }
        }
        return present;
    }

    /**
     * Copies an already encoded Tribuo example into {@code x} by feature id (the batch path);
     * features the model does not know are skipped, as Tribuo does.
     *
     * @return how many of the model's features are present
     */
    int encode(Example<?> example, double[] x) {
        Arrays.fill(x, Double.NaN);
        int present = 0;
        for (Feature f : example) {
            int id = featureMap.getID(f.getName());
            if (id >= 0) {
                // Tribuo sums colliding features; our encoder never emits a name twice
                x[id] = Double.isNaN(x[id]) ? f.getValue() : x[id] + f.getValue();
                present++;
            }
        }
        return present;
    }

    private double transform(int c, double value) {
        double v = value;
        double[] edges = binEdges[c];
        if (edges != null) {
            int i = Arrays.binarySearch(edges, v);
            if (i < 0) {
                i = -i - 1;
            }
            v = edges[Math.min(i, edges.length - 1)];
        }
        if (!Double.isNaN(mean[c])) {
            v = (v - mean[c]) / std[c];
        }
        return v;
    }

    private static DataException missing(String column) {
        return new DataException("request: column '" + column + "' is empty and has no impute rule; set contract.columns."
                + column + ".impute (mean, median, mode, zero or constant:VALUE) or fill the cell");
    }

    private static double parseNumber(String text, FeatureEncoder.Kind kind) {
        if (kind == FeatureEncoder.Kind.BOOL) {
            switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "t", "1", "1.0":
                    return 1.0;
                case "false", "no", "n", "f", "0", "0.0":
                    return 0.0;
                default:
                    return Double.NaN;
            }
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isInfinite(v) ? Double.NaN : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
