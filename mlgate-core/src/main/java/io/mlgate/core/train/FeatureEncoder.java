package io.mlgate.core.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mlgate.core.config.ColumnRole;
import io.mlgate.core.config.ColumnSpec;
import io.mlgate.core.config.ColumnType;
import io.mlgate.core.config.ContractSpec;
import io.mlgate.core.config.Task;
import io.mlgate.core.config.TrainSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns CSV cells into Tribuo features, the same way at training and at prediction time, and is
 * stored with the model ({@code model.json}) so a served model encodes exactly as it was trained.
 *
 * <ul>
 *   <li>int/float/bool feature columns give one feature named after the column; category
 *       columns give one-hot features {@code col=value}; string, id and ignored columns, the
 *       label and {@code train.exclude} are left out ({@code train.features} narrows further).</li>
 *   <li>Empty cells are filled by the column's {@code impute} rule, with statistics from the
 *       training data stored here; a column without a rule must not have empty cells.</li>
 *   <li>A category value not seen in training encodes as all zeros (no error).</li>
 *   <li>Linear trainers get standardised numeric columns (never the one-hot ones: standardising
 *       those gives NaN in Tribuo) and, for regression, a standardised target.</li>
 *   <li>CART gets numeric columns binned to training quantiles, because Tribuo's CART cost grows
 *       with the number of distinct values per column.</li>
 * </ul>
 *
 * @param label      the label column
 * @param task       classification or regression
 * @param columns    the feature columns in CSV-independent order
 * @param targetMean regression target mean when the target is standardised, else null
 * @param targetStd  regression target standard deviation when standardised, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureEncoder(String label, Task task, List<Column> columns, Double targetMean, Double targetStd) {

    /** How a column becomes features. */
    public enum Kind {
        NUMERIC, BOOL, CATEGORY;

        @com.fasterxml.jackson.annotation.JsonValue
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Kind parse(String value) {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One feature column.
     *
     * @param name         column name
     * @param kind         numeric, bool or category
     * @param impute       the impute rule (mean, median, mode, zero, constant:X) or null
     * @param fill         numeric fill value for empty cells (from the training data), or null
     * @param fillCategory category fill value for empty cells, or null
     * @param categories   category values seen in training (sorted), category columns only
     * @param mean         standardisation mean, or null when not standardised
     * @param std          standardisation deviation (never 0), or null
     * @param binEdges     quantile bin edges (ascending) when binned, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Column(String name, Kind kind, String impute, Double fill, String fillCategory,
                         List<String> categories, Double mean, Double std, double[] binEdges) {

        public Column {
            categories = categories == null ? null : List.copyOf(categories);
        }

        Column withScaling(Double newMean, Double newStd) {
            return new Column(name, kind, impute, fill, fillCategory, categories, newMean, newStd, binEdges);
        }

        Column withBins(double[] edges) {
            return new Column(name, kind, impute, fill, fillCategory, categories, mean, std, edges);
        }

        Column withFill(Double newFill, String newFillCategory, List<String> newCategories) {
            return new Column(name, kind, impute, newFill, newFillCategory, newCategories, mean, std, binEdges);
        }

        /** The numeric value of a present (non-empty) cell of this column after binning and scaling. */
        public double transform(double value) {
            double v = value;
            if (binEdges != null) {
                int i = Arrays.binarySearch(binEdges, v);
                if (i < 0) {
                    i = -i - 1;
                }
                v = binEdges[Math.min(i, binEdges.length - 1)];
            }
            if (mean != null) {
                v = (v - mean) / std;
            }
            return v;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Column c && name.equals(c.name) && kind == c.kind
                    && java.util.Objects.equals(impute, c.impute) && java.util.Objects.equals(fill, c.fill)
                    && java.util.Objects.equals(fillCategory, c.fillCategory)
                    && java.util.Objects.equals(categories, c.categories) && java.util.Objects.equals(mean, c.mean)
                    && java.util.Objects.equals(std, c.std) && Arrays.equals(binEdges, c.binEdges);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, kind, impute, fill, fillCategory, categories, mean, std) * 31 + Arrays.hashCode(binEdges);
        }

        @Override
        public String toString() {
            return "Column[" + name + " " + kind + (impute == null ? "" : " impute=" + impute) + "]";
        }
    }

    public FeatureEncoder {
        columns = List.copyOf(columns);
    }

    /** The feature columns' names. */
    @JsonIgnore
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** Every feature name a model trained with this encoder can see, sorted as Tribuo sorts them. */
    @JsonIgnore
    public List<String> featureNames() {
        List<String> names = new ArrayList<>();
        for (Column c : columns) {
            if (c.kind == Kind.CATEGORY) {
                for (String v : c.categories == null ? List.<String>of() : c.categories) {
                    names.add(c.name + "=" + v);
                }
            } else {
                names.add(c.name);
            }
        }
        names.sort(null);
        return names;
    }

    // ---------------------------------------------------------------- planning

    /**
     * The unfitted encoder for a contract: which columns are features and how.
     *
     * @param header the CSV header, used only when the contract lists no columns (then every
     *               column except the label is planned as a feature and its kind is inferred)
     */
    public static FeatureEncoder plan(ContractSpec contract, TrainSpec train, String label, Task task, List<String> header,
                                      Map<String, Kind> inferredKinds) {
        Set<String> wanted = train.features().isEmpty() ? null : new LinkedHashSet<>(train.features());
        Set<String> excluded = new LinkedHashSet<>(train.exclude());
        List<Column> cols = new ArrayList<>();
        if (wanted != null) {
            for (String name : wanted) {
                boolean known = contract.columns().isEmpty() ? header.contains(name) : contract.columns().containsKey(name);
                if (!known) {
                    throw new IllegalArgumentException("train.features lists '" + name + "', which is not a column of the "
                            + (contract.columns().isEmpty() ? "data; the header has " + header : "contract; known columns: " + contract.columns().keySet()));
                }
            }
        }
        if (contract.columns().isEmpty()) {
            for (String name : header) {
                if (name.equals(label) || excluded.contains(name) || (wanted != null && !wanted.contains(name))) {
                    continue;
                }
                Kind kind = inferredKinds.get(name);
                if (kind != null) {
                    cols.add(new Column(name, kind, null, null, null, null, null, null, null));
                }
            }
        } else {
            for (Map.Entry<String, ColumnSpec> e : contract.columns().entrySet()) {
                String name = e.getKey();
                ColumnSpec spec = e.getValue();
                if (name.equals(label) || excluded.contains(name) || (wanted != null && !wanted.contains(name))
                        || spec.roleOrDefault() != ColumnRole.FEATURE) {
                    continue;
                }
                Kind kind = kindOf(spec.type());
                if (kind == null) {
                    continue;
                }
                String impute = spec.impute() == null || spec.impute().isBlank() ? null : spec.impute().trim();
                checkImpute(name, kind, impute);
                cols.add(new Column(name, kind, impute, null, null, null, null, null, null));
            }
        }
        if (cols.isEmpty()) {
            throw new IllegalArgumentException("no feature columns to train on: the contract has no int, float, bool or category "
                    + "column with role feature besides the label '" + label + "'; check contract.columns, train.features and train.exclude");
        }
        return new FeatureEncoder(label, task, cols, null, null);
    }

    private static Kind kindOf(ColumnType type) {
        if (type == null) {
            return Kind.NUMERIC;
        }
        return switch (type) {
            case INT, FLOAT -> Kind.NUMERIC;
            case BOOL -> Kind.BOOL;
            case CATEGORY -> Kind.CATEGORY;
            case STRING -> null;
        };
    }

    private static void checkImpute(String column, Kind kind, String impute) {
        if (impute == null) {
            return;
        }
        String rule = impute.toLowerCase(Locale.ROOT);
        boolean ok = switch (rule) {
            case "mean", "median", "zero" -> kind != Kind.CATEGORY;
            case "mode" -> true;
            default -> rule.startsWith("constant:");
        };
        if (!ok) {
            throw new IllegalArgumentException("contract.columns." + column + ".impute is '" + impute + "'; use "
                    + (kind == Kind.CATEGORY ? "mode or constant:VALUE for a category column" : "mean, median, mode, zero or constant:VALUE"));
        }
        if (rule.startsWith("constant:") && kind != Kind.CATEGORY) {
            String value = impute.substring("constant:".length()).trim();
            if (Double.isNaN(parseNumber(value, kind))) {
                throw new IllegalArgumentException("contract.columns." + column + ".impute is '" + impute
                        + "'; the constant of a " + kind.name().toLowerCase(Locale.ROOT) + " column must be a number");
            }
        }
    }

    // ---------------------------------------------------------------- fitting

    /**
     * Plans and fits an encoder on a training CSV in one call (impute statistics and category
     * lists from that file; no scaling or binning). When the contract lists no columns, kinds
     * are inferred from the first 1000 rows.
     */
    public static FeatureEncoder fromTrainingData(ContractSpec contract, TrainSpec train, String label, Task task, java.nio.file.Path csv) {
        List<String> header = new ArrayList<>();
        Map<String, Kind> kinds = Map.of();
        if (contract.columns().isEmpty()) {
            kinds = inferKinds(header, DatasetLoader.sample(csv, 1000, header));
        } else {
            header.addAll(DatasetLoader.header(csv));
        }
        FeatureEncoder plan = plan(contract, train, label, task, header, kinds);
        return plan.fit(DatasetLoader.read(csv, plan, label, task, true));
    }

    /** Computes impute statistics and category lists from the training rows. */
    FeatureEncoder fit(RawTable raw) {
        List<Column> fitted = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            if (col.kind == Kind.CATEGORY) {
                int[] codes = raw.codes(c);
                List<String> dict = raw.dictionary(c);
                int[] counts = new int[dict.size()];
                for (int code : codes) {
                    if (code >= 0) {
                        counts[code]++;
                    }
                }
                List<String> seen = new ArrayList<>();
                for (int i = 0; i < dict.size(); i++) {
                    if (counts[i] > 0) {
                        seen.add(dict.get(i));
                    }
                }
                seen.sort(null);
                String fillCat = null;
                if (col.impute != null) {
                    if (col.impute.toLowerCase(Locale.ROOT).startsWith("constant:")) {
                        fillCat = col.impute.substring("constant:".length()).trim();
                    } else {
                        int best = -1;
                        for (int i = 0; i < counts.length; i++) {
                            // ties go to the smaller value so the fill does not depend on row order
                            if (counts[i] > 0 && (best < 0 || counts[i] > counts[best]
                                    || (counts[i] == counts[best] && dict.get(i).compareTo(dict.get(best)) < 0))) {
                                best = i;
                            }
                        }
                        fillCat = best < 0 ? "" : dict.get(best);
                    }
                }
                fitted.add(col.withFill(null, fillCat, seen));
            } else {
                Double fill = col.impute == null ? null : numericFill(col, raw.values(c));
                fitted.add(col.withFill(fill, null, null));
            }
        }
        return new FeatureEncoder(label, task, fitted, targetMean, targetStd);
    }

    private static double numericFill(Column col, double[] values) {
        String rule = col.impute.toLowerCase(Locale.ROOT);
        if (rule.startsWith("constant:")) {
            return parseNumber(col.impute.substring("constant:".length()).trim(), col.kind);
        }
        if (rule.equals("zero")) {
            return 0.0;
        }
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        if (present.length == 0) {
            return 0.0;
        }
        switch (rule) {
            case "mean": {
                double sum = 0;
                for (double v : present) {
                    sum += v;
                }
                return sum / present.length;
            }
            case "median": {
                Arrays.sort(present);
                int n = present.length;
                return n % 2 == 1 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2.0;
            }
            default: { // mode
                Arrays.sort(present);
                double best = present[0];
                int bestCount = 0;
                int i = 0;
                while (i < present.length) {
                    int j = i;
                    while (j < present.length && present[j] == present[i]) {
                        j++;
                    }
                    if (j - i > bestCount) {
                        bestCount = j - i;
                        best = present[i];
                    }
                    i = j;
                }
                return best;
            }
        }
    }

    /** A copy that standardises numeric (int/float) columns, statistics from the given rows. */
    FeatureEncoder standardized(RawTable raw) {
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            if (col.kind != Kind.NUMERIC) {
                cols.add(col);
                continue;
            }
            double sum = 0;
            double sumSq = 0;
            int n = 0;
            for (double v : raw.values(c)) {
                double x = Double.isNaN(v) ? (col.fill == null ? Double.NaN : col.fill) : v;
                if (!Double.isNaN(x)) {
                    sum += x;
                    sumSq += x * x;
                    n++;
                }
            }
            double mean = n == 0 ? 0 : sum / n;
            double var = n == 0 ? 0 : Math.max(0, sumSq / n - mean * mean);
            double std = Math.sqrt(var);
            // a constant column would divide by zero; leave it unscaled (it carries no signal anyway)
            cols.add(col.withScaling(mean, std > 1e-12 ? std : 1.0));
        }
        Double tMean = null;
        Double tStd = null;
        if (task == Task.REGRESSION && raw.targets() != null) {
            double sum = 0;
            double sumSq = 0;
            for (double y : raw.targets()) {
                sum += y;
                sumSq += y * y;
            }
            int n = raw.targets().length;
            tMean = n == 0 ? 0.0 : sum / n;
            double sd = n == 0 ? 0 : Math.sqrt(Math.max(0, sumSq / n - tMean * tMean));
            tStd = sd > 1e-12 ? sd : 1.0;
        }
        return new FeatureEncoder(label, task, cols, tMean, tStd);
    }

    /** A copy that bins numeric columns with more than {@code maxBins} distinct values to training quantiles. */
    FeatureEncoder binned(RawTable raw, int maxBins) {
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            if (col.kind != Kind.NUMERIC) {
                cols.add(col);
                continue;
            }
            double[] present = Arrays.stream(raw.values(c)).filter(v -> !Double.isNaN(v)).sorted().toArray();
            long distinct = present.length == 0 ? 0 : Arrays.stream(present).distinct().count();
            if (distinct <= maxBins) {
                cols.add(col);
                continue;
            }
            double[] edges = new double[maxBins];
            int k = 0;
            for (int b = 1; b <= maxBins; b++) {
                double q = present[(int) Math.min(present.length - 1, Math.ceil((double) b * present.length / maxBins) - 1)];
                if (k == 0 || q > edges[k - 1]) {
                    edges[k++] = q;
                }
            }
            cols.add(col.withBins(Arrays.copyOf(edges, k)));
        }
        return new FeatureEncoder(label, task, cols, targetMean, targetStd);
    }

    // ---------------------------------------------------------------- encoding

    /** Whether the regression target is standardised (linear trainers). */
    @JsonIgnore
    public boolean scalesTarget() {
        return targetMean != null && targetStd != null;
    }

    /** The target as the model sees it. */
    double encodeTarget(double y) {
        return scalesTarget() ? (y - targetMean) / targetStd : y;
    }

    /** A model output back in the units of the label. */
    public double decodeTarget(double y) {
        return scalesTarget() ? y * targetStd + targetMean : y;
    }

    /** The numeric value of a present (non-empty) cell after scaling and binning. */
    double transform(int column, double value) {
        return columns.get(column).transform(value);
    }

    /**
     * Encodes one row given as raw cells (the single-row path of the model server).
     *
     * @param cell column name to cell text; a missing or empty cell is imputed or rejected
     * @return feature names and values (one-hot of unseen categories left out)
     */
    public EncodedRow encode(Map<String, String> cell) {
        String[] names = new String[columns.size()];
        double[] values = new double[columns.size()];
        int n = 0;
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            String rawText = cell.get(col.name);
            boolean empty = rawText == null || rawText.isBlank();
            String text = empty ? "" : rawText.trim();
            if (col.kind == Kind.CATEGORY) {
                // categories are matched exactly as written, like labels
                String v = empty ? col.fillCategory : rawText;
                if (v == null) {
                    throw missing("request", 0, col.name);
                }
                if (col.categories != null && java.util.Collections.binarySearch(col.categories, v) >= 0) {
                    names[n] = col.name + "=" + v;
                    values[n++] = 1.0;
                }
                continue;
            }
            double v;
            if (text.isEmpty()) {
                if (col.fill == null) {
                    throw missing("request", 0, col.name);
                }
                v = col.fill;
            } else {
                v = parseNumber(text, col.kind);
                if (Double.isNaN(v)) {
                    throw notANumber(col, text);
                }
            }
            names[n] = col.name;
            values[n++] = transform(c, v);
        }
        return new EncodedRow(Arrays.copyOf(names, n), Arrays.copyOf(values, n));
    }

    /** Feature names and values of one encoded row. */
    public record EncodedRow(String[] names, double[] values) {
    }

    /** The error for an empty cell of a column without impute rule; {@code line} 0 when there is no file line. */
    public static io.mlgate.core.data.DataException missing(String where, long line, String column) {
        String at = line > 0 ? where + ":" + line : where;
        return new io.mlgate.core.data.DataException(at + ": column '" + column + "' is empty and has no impute rule; set contract.columns."
                + column + ".impute (mean, median, mode, zero or constant:VALUE) or fill the cell");
    }

    /** The error for a cell of a numeric or bool column that {@link #parseNumber} rejects. */
    public static io.mlgate.core.data.DataException notANumber(Column column, String text) {
        return new io.mlgate.core.data.DataException("column '" + column.name + "' has '" + text + "', which is not "
                + (column.kind == Kind.BOOL ? "a boolean (true/false, yes/no, 1/0)" : "a number"));
    }

    /** Parses a trimmed numeric or boolean cell; NaN when it is not one (infinity included). */
    public static double parseNumber(String text, Kind kind) {
        if (kind == Kind.BOOL) {
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

    /** Infers column kinds from sample rows when the contract lists no columns. */
    static Map<String, Kind> inferKinds(List<String> header, List<String[]> sample) {
        Map<String, Kind> kinds = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            boolean numeric = true;
            Set<String> distinct = new java.util.HashSet<>();
            int present = 0;
            for (String[] row : sample) {
                String v = row[c].trim();
                if (v.isEmpty()) {
                    continue;
                }
                present++;
                distinct.add(v);
                if (numeric && Double.isNaN(parseNumber(v, Kind.NUMERIC))) {
                    numeric = false;
                }
            }
            if (present == 0) {
                continue;
            }
            if (numeric) {
                kinds.put(header.get(c), Kind.NUMERIC);
            } else if (distinct.size() <= Math.max(2, Math.min(100, present / 2))) {
                kinds.put(header.get(c), Kind.CATEGORY);
            }
        }
        return kinds;
    }
}
