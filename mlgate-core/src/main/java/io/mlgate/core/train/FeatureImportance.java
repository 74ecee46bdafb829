package io.mlgate.core.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How much a trained model relies on one contract column, so drift on a column can be read
 * against its weight in the model. A list of these (one per feature column, sorted by
 * {@code importance} descending, ties by name) sums to 1.
 *
 * @param feature    the contract column
 * @param importance its share of the model's total importance, 0..1
 * @param method     {@code gain}, {@code coefficients} or {@code permutation}
 * @param score      the unnormalised value in the method's own unit: total gain, sum of
 *                   |coefficient| x input standard deviation, or the mean drop of the search
 *                   metric (may be negative: shuffling the column did not hurt)
 * @param features   the encoded features of the column (one-hot {@code col=value}, or the column
 *                   itself) with their shares, largest first; their shares sum to {@code importance}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureImportance(String feature, double importance, String method, double score, List<Part> features) {

    public FeatureImportance {
        features = features == null ? List.of() : List.copyOf(features);
    }

    /**
     * One encoded feature's share.
     *
     * @param feature    the Tribuo feature name ({@code col} or {@code col=value})
     * @param importance its share of the model's total importance
     */
    public record Part(String feature, double importance) {
    }

    /** The 1-based rank of {@code column} in a sorted importance list, or 0 when absent. */
    public static int rank(List<FeatureImportance> importance, String column) {
        if (importance == null) {
            return 0;
        }
        for (int i = 0; i < importance.size(); i++) {
            if (importance.get(i).feature().equals(column)) {
                return i + 1;
            }
        }
        return 0;
    }
}
