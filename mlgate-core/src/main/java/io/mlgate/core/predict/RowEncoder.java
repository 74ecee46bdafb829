package io.mlgate.core.predict;

import io.mlgate.core.data.DataException;
import io.mlgate.core.train.FeatureEncoder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
    private final FeatureEncoder.Column[] columns;
    /** numeric/bool columns: the feature id, or -1 when the model does not know the column. */
    private final int[] featureId;
    /** category columns: value to feature id (only values the model knows). */
    private final List<Map<String, Integer>> categoryIds;
    private final ImmutableFeatureMap featureMap;
    private final int width;

    RowEncoder(FeatureEncoder encoder, ImmutableFeatureMap featureMap) {
        this.columns = encoder.columns().toArray(new FeatureEncoder.Column[0]);
        int k = columns.length;
        this.featureId = new int[k];
        this.categoryIds = new java.util.ArrayList<>(k);
        this.featureMap = featureMap;
        this.width = featureMap.size();
        for (int c = 0; c < k; c++) {
            FeatureEncoder.Column col = columns[c];
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
        for (int c = 0; c < columns.length; c++) {
            FeatureEncoder.Column col = columns[c];
            String rawText = cell.get(col.name());
            boolean empty = rawText == null || rawText.isBlank();
            if (col.kind() == FeatureEncoder.Kind.CATEGORY) {
                // categories are matched exactly as written, like labels
                String v = empty ? col.fillCategory() : rawText;
                if (v == null) {
                    throw FeatureEncoder.missing("request", 0, col.name());
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
                if (col.fill() == null) {
                    throw FeatureEncoder.missing("request", 0, col.name());
                }
                v = col.fill();
            } else {
                String text = rawText.trim();
                v = FeatureEncoder.parseNumber(text, col.kind());
                if (Double.isNaN(v)) {
                    throw FeatureEncoder.notANumber(col, text);
                }
            }
            int id = featureId[c];
            if (id >= 0) {
                x[id] = col.transform(v);
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
}
