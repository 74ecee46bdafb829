package io.mlgate.core.data;

import io.mlgate.core.config.ColumnRole;
import io.mlgate.core.config.ColumnSpec;
import io.mlgate.core.config.ColumnType;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.PipelineConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Infers a data contract from reference data in one streaming pass.
 *
 * <p>Per column: {@code int} when every non-empty cell is written as a whole number,
 * {@code float} when every one is a number, {@code bool} for true/false/yes/no, {@code category}
 * for other text with at most {@value #MAX_CATEGORY_VALUES} distinct values (or at most
 * {@value #MAX_TRACKED_VALUES} that are at most 1% of the non-empty cells), else {@code string}.
 *
 * <p><b>Ranges are a plausibility fence, not the observed range.</b> A holdout drawn from the same
 * distribution as the reference routinely goes past the observed extremes of heavy-tailed columns
 * (on a 80/20 split of the lending-club data, {@code revol_util} goes 24% of the observed span past
 * the training maximum, and count columns such as {@code open_il_12m} go to twice the training
 * maximum), so the observed min/max would fail honest data. The inferred bounds are
 * the observed ones widened by the observed span on each side, never crossing zero (a column
 * never negative in the reference stays non-negative, so negative values and sign errors are still
 * caught), and rounded outward to two significant digits of the margin (int columns to whole
 * numbers). Wrong units, sentinel values (-1, 999999) and corrupt values fall outside; moderate
 * shifts are the job of drift, which compares whole distributions. {@link DataValidator} then
 * warns when at most 1% of a column's values fall outside and fails above that.
 *
 * <p>Empty cells: a column with any makes it nullable with {@code max_null_rate} = the observed
 * rate x 1.25 + 0.005, rounded up to whole percent (room for sampling noise of a holdout), and an
 * {@code impute} default (median for numbers, mode otherwise) so training can proceed.
 */
public final class ContractInferrer {
    static final int MAX_CATEGORY_VALUES = 50;
    static final int MAX_TRACKED_VALUES = 500;
    static final double MAX_CATEGORY_SHARE = 0.01;

    private ContractInferrer() {
    }

    /**
     * Infers the contract of a reference CSV. The label column gets role label, columns named in
     * {@code contract.key} role id (no range, no category domain); the other contract settings
     * (file, key, unexpected_columns, min_rows, drift) are kept from the configuration.
     */
    public static ContractSpec infer(Path reference, PipelineConfig config) {
        ContractSpec settings = config.contract();
        Set<String> keys = Set.copyOf(settings.key());
        try (CsvSource csv = CsvSource.open(reference)) {
            List<String> header = csv.header();
            ColumnStats[] stats = new ColumnStats[header.size()];
            for (int i = 0; i < stats.length; i++) {
                stats[i] = new ColumnStats();
            }
            long rows = 0;
            while (csv.hasNext()) {
                String[] fields = csv.next().fields();
                rows++;
                for (int i = 0; i < stats.length; i++) {
                    stats[i].add(fields[i]);
                }
            }
            Map<String, ColumnSpec> columns = new LinkedHashMap<>();
            for (int i = 0; i < stats.length; i++) {
                String name = header.get(i);
                ColumnRole role = name.equals(config.label()) ? ColumnRole.LABEL
                        : keys.contains(name) ? ColumnRole.ID : null;
                columns.put(name, stats[i].spec(rows, role));
            }
            return settings.withColumns(columns);
        }
    }

    /** What one column has shown so far. */
    private static final class ColumnStats {
        long nonNull;
        long nulls;
        boolean numeric = true;
        boolean integer = true;
        boolean bool = true;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        HashMap<String, long[]> distinct = new HashMap<>();

        void add(String cell) {
            if (Cells.isNull(cell)) {
                nulls++;
                return;
            }
            nonNull++;
            if (numeric) {
                double v = Cells.parse(cell);
                if (Double.isNaN(v)) {
                    numeric = false;
                    integer = false;
                } else {
                    if (integer && !Cells.isIntegerLiteral(cell)) {
                        integer = false;
                    }
                    if (v < min) {
                        min = v;
                    }
                    if (v > max) {
                        max = v;
                    }
                }
            }
            if (bool && Cells.bool(cell, false) < 0) {
                bool = false;
            }
            // Tracked for every column (a column may turn out non-numeric late, as "10+" after
            // "1", "2"); high-cardinality numeric columns overflow the bound quickly and stop.
            if (distinct != null) {
                long[] count = distinct.get(cell);
                if (count != null) {
                    count[0]++;
                } else if (distinct.size() < MAX_TRACKED_VALUES) {
                    distinct.put(cell, new long[] {1});
                } else {
                    distinct = null;
                }
            }
        }

        ColumnSpec spec(long rows, ColumnRole role) {
            ColumnType type;
            if (nonNull == 0) {
                type = ColumnType.STRING;
            } else if (numeric) {
                type = integer ? ColumnType.INT : ColumnType.FLOAT;
            } else if (bool) {
                type = ColumnType.BOOL;
            } else if (distinct != null && isCategory(distinct.size())) {
                type = ColumnType.CATEGORY;
            } else {
                type = ColumnType.STRING;
            }
            boolean id = role == ColumnRole.ID;
            if (id && type == ColumnType.CATEGORY) {
                type = ColumnType.STRING; // identifiers are not categories, whatever their count
            }
            Double lo = null;
            Double hi = null;
            if (type.isNumeric() && !id) {
                double[] fence = fence(min, max, type == ColumnType.INT);
                lo = fence[0];
                hi = fence[1];
            }
            List<String> values = null;
            if (type == ColumnType.CATEGORY) {
                values = new ArrayList<>(distinct.keySet());
                values.sort(null);
            }
            // Written explicitly: a committed contract should say that empty cells fail.
            Boolean nullable = false;
            Double maxNullRate = null;
            String impute = null;
            if (nulls > 0) {
                nullable = true;
                maxNullRate = maxNullRate(rows == 0 ? 1 : (double) nulls / rows);
                if (role == null) {
                    impute = type.isNumeric() ? "median" : "mode";
                }
            }
            return new ColumnSpec(type, lo, hi, nullable, maxNullRate, values, impute, role);
        }

        private boolean isCategory(int count) {
            return count <= MAX_CATEGORY_VALUES || count <= MAX_CATEGORY_SHARE * nonNull;
        }
    }

    /** The inferred [min, max] of a numeric column; see the class comment for why it is wider than observed. */
    static double[] fence(double min, double max, boolean integer) {
        double span = max - min;
        double margin = span > 0 ? span : Math.max(Math.abs(max) / 2, 1);
        double lo = min - margin;
        double hi = max + margin;
        if (min >= 0) {
            lo = Math.max(lo, 0);
        }
        if (max <= 0) {
            hi = Math.min(hi, 0);
        }
        // Round outward at the second significant digit of the margin (margin 11.8: 40.825 -> 41).
        int scale = 1 - (int) Math.floor(Math.log10(margin));
        if (integer) {
            scale = Math.min(scale, 0);
        }
        lo = BigDecimal.valueOf(lo).setScale(scale, RoundingMode.FLOOR).doubleValue();
        hi = BigDecimal.valueOf(hi).setScale(scale, RoundingMode.CEILING).doubleValue();
        return new double[] {lo, hi};
    }

    /** Observed null rate x 1.25 + 0.005, rounded up to whole percent, at most 1. */
    static double maxNullRate(double observed) {
        double padded = Math.min(1, observed * 1.25 + 0.005);
        return BigDecimal.valueOf(padded).setScale(2, RoundingMode.CEILING).doubleValue();
    }
}
