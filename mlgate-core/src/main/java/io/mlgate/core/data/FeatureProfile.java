package io.mlgate.core.data;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The reference distribution of one feature, in the bins drift is measured on.
 *
 * <p>Numeric: {@code edges} are the distinct reference quantile cut points e1 &lt; ... &lt; ek; the
 * k+1 bins are (-inf, e1], (e1, e2], ..., (ek, +inf). Category: one bucket per reference
 * category (sorted) plus a last "(other)" bucket for values not seen in the reference.
 *
 * @param kind       {@link #NUMERIC} or {@link #CATEGORY}
 * @param count      non-empty reference values the shares were computed from
 * @param edges      numeric cut points (numeric only)
 * @param categories reference categories (category only), without the other bucket
 * @param shares     reference share per bin, summing to 1; the other bucket is 0 unless
 *                   the reference had more than 1,000 categories
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureProfile(String kind, long count, double[] edges, List<String> categories, double[] shares) {
    public static final String NUMERIC = "numeric";
    public static final String CATEGORY = "category";
    /** The label of the bucket for categories the reference never had. */
    public static final String OTHER = "(other)";

    public FeatureProfile {
        Objects.requireNonNull(kind, "kind");
        categories = categories == null ? null : List.copyOf(categories);
        int bins = NUMERIC.equals(kind) ? (edges == null ? 0 : edges.length) + 1
                : (categories == null ? 0 : categories.size()) + 1;
        if (shares == null || shares.length != bins) {
            throw new IllegalArgumentException("feature profile of kind " + kind + " needs " + bins + " shares but has "
                    + (shares == null ? "none" : shares.length) + "; the profile file is corrupt, recompute it");
        }
    }

    @JsonIgnore
    public boolean isNumeric() {
        return NUMERIC.equals(kind);
    }

    /** The number of bins (numeric) or buckets including "(other)" (category). */
    @JsonIgnore
    public int binCount() {
        return shares.length;
    }

    /** The bin of a numeric value: the first bin whose upper edge is at or above it. */
    public int numericBin(double value) {
        int lo = 0;
        int hi = edges.length; // answer in [0, edges.length]
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (value <= edges[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The bucket of a category value; the last bucket for values the reference never had. */
    public int categoryBucket(String value) {
        int i = categories.indexOf(value);
        return i < 0 ? categories.size() : i;
    }

    /** People-readable names of the bins, e.g. {@code <= 5.32}, {@code (5.32, 7.9]}, {@code > 26.3}. */
    @JsonIgnore
    public List<String> binLabels() {
        List<String> labels = new ArrayList<>(binCount());
        if (!isNumeric()) {
            labels.addAll(categories);
            labels.add(OTHER);
            return labels;
        }
        if (edges.length == 0) {
            labels.add("all values");
            return labels;
        }
        labels.add("<= " + Cells.format(edges[0]));
        for (int i = 1; i < edges.length; i++) {
            labels.add("(" + Cells.format(edges[i - 1]) + ", " + Cells.format(edges[i]) + "]");
        }
        labels.add("> " + Cells.format(edges[edges.length - 1]));
        return labels;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureProfile other && kind.equals(other.kind) && count == other.count
                && Arrays.equals(edges, other.edges) && Objects.equals(categories, other.categories)
                && Arrays.equals(shares, other.shares);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, count, Arrays.hashCode(edges), categories, Arrays.hashCode(shares));
    }

    @Override
    public String toString() {
        return "FeatureProfile[" + kind + ", count=" + count + ", edges=" + Arrays.toString(edges) + ", categories="
                + categories + ", shares=" + Arrays.toString(shares) + "]";
    }
}
