package io.mlgate.core.train;

import io.mlgate.core.config.Task;
import io.mlgate.core.data.CsvRow;
import io.mlgate.core.data.CsvSource;
import io.mlgate.core.data.DataException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Loads a CSV straight into Tribuo datasets: FastCSV rows are parsed once into primitive columns
 * and turned into {@link ArrayExample}s by a {@link FeatureEncoder}. Tribuo's CSVDataSource is
 * not used: it is ~6x slower than pandas, drops empty cells silently and upper-cases labels.
 * Labels here stay exactly as written.
 */
public final class DatasetLoader {
    private static final LabelFactory LABELS = new LabelFactory();
    private static final RegressionFactory REGRESSORS = new RegressionFactory();

    private DatasetLoader() {
    }

    /**
     * A loaded CSV.
     *
     * @param dataset the examples in row order ({@code MutableDataset<Label>} or {@code <Regressor>})
     * @param labels  the actual classes as written, in row order (classification), else null
     * @param values  the actual targets in row order (regression), else null
     */
    public record LoadedData(MutableDataset<?> dataset, String[] labels, double[] values) {
        /** Number of rows. */
        public int size() {
            return dataset.size();
        }
    }

    /**
     * Loads a CSV with a fitted encoder (e.g. a holdout for a trained model).
     *
     * @param label the label column, required in the file
     */
    public static LoadedData load(Path csv, FeatureEncoder enc, String label, Task task) {
        RawTable raw = read(csv, enc, label, task, true);
        int[] all = new int[raw.rows()];
        Arrays.setAll(all, i -> i);
        MutableDataset<?> ds = dataset(raw, enc, all, null, "rows of " + csv.getFileName());
        return new LoadedData(ds, raw.labels(), raw.targets());
    }

    // ---------------------------------------------------------------- parsing

    /**
     * Parses the encoder's columns (and the label when present or required) of a CSV into
     * primitive columns: through the byte-level {@link CsvBytes} when it can vouch for the file,
     * else (and for every error message) through {@link CsvSource}.
     */
    static RawTable read(Path csv, FeatureEncoder enc, String label, Task task, boolean requireLabel) {
        RawTable fast = CsvBytes.read(csv, enc, label, task, requireLabel);
        return fast != null ? fast : readWithCsvSource(csv, enc, label, task, requireLabel);
    }

    /** The reference parser: FastCSV rows, one String per cell; every data error is worded here. */
    static RawTable readWithCsvSource(Path csv, FeatureEncoder enc, String label, Task task, boolean requireLabel) {
        List<FeatureEncoder.Column> cols = enc.columns();
        int k = cols.size();
        try (CsvSource source = CsvSource.open(csv)) {
            int[] index = new int[k];
            for (int c = 0; c < k; c++) {
                index[c] = source.requireColumn(cols.get(c).name(), "feature");
            }
            int labelIndex = requireLabel ? source.requireColumn(label, "label") : (label == null ? -1 : source.columnIndex(label));
            boolean classification = task == Task.CLASSIFICATION;
            FeatureEncoder.Kind[] kinds = new FeatureEncoder.Kind[k];
            boolean[] imputable = new boolean[k];
            List<Map<String, Integer>> lookups = new ArrayList<>(k);
            List<List<String>> dictionaries = new ArrayList<>(k);
            int capacity = 1024;
            double[][] values = new double[k][];
            int[][] codes = new int[k][];
            for (int c = 0; c < k; c++) {
                kinds[c] = cols.get(c).kind();
                imputable[c] = cols.get(c).impute() != null;
                lookups.add(new HashMap<>());
                dictionaries.add(new ArrayList<>());
                if (kinds[c] == FeatureEncoder.Kind.CATEGORY) {
                    codes[c] = new int[capacity];
                } else {
                    values[c] = new double[capacity];
                }
            }
            String[] labels = labelIndex >= 0 && classification ? new String[capacity] : null;
            double[] targets = labelIndex >= 0 && !classification ? new double[capacity] : null;
            String file = csv.toString();
            int n = 0;
            while (source.hasNext()) {
                CsvRow row = source.next();
                String[] f = row.fields();
                if (n == capacity) {
                    capacity = capacity * 2;
                    for (int c = 0; c < k; c++) {
                        if (codes[c] != null) {
                            codes[c] = Arrays.copyOf(codes[c], capacity);
                        } else {
                            values[c] = Arrays.copyOf(values[c], capacity);
                        }
                    }
                    labels = labels == null ? null : Arrays.copyOf(labels, capacity);
                    targets = targets == null ? null : Arrays.copyOf(targets, capacity);
                }
                for (int c = 0; c < k; c++) {
                    String cell = f[index[c]];
                    boolean empty = cell.isEmpty() || cell.isBlank();
                    if (empty && !imputable[c]) {
                        throw FeatureEncoder.missing(file, row.line(), cols.get(c).name());
                    }
                    if (kinds[c] == FeatureEncoder.Kind.CATEGORY) {
                        if (empty) {
                            codes[c][n] = -1;
                        } else {
                            Map<String, Integer> lookup = lookups.get(c);
                            Integer code = lookup.get(cell);
                            if (code == null) {
                                code = lookup.size();
                                lookup.put(cell, code);
                                dictionaries.get(c).add(cell);
                            }
                            codes[c][n] = code;
                        }
                    } else if (empty) {
                        values[c][n] = Double.NaN;
                    } else {
                        double v = FeatureEncoder.parseNumber(cell.trim(), kinds[c]);
                        if (Double.isNaN(v)) {
                            throw new DataException(file + ":" + row.line() + ": column '" + cols.get(c).name() + "' has '" + cell
                                    + "', which is not " + (kinds[c] == FeatureEncoder.Kind.BOOL ? "a boolean (true/false, yes/no, 1/0)" : "a number")
                                    + "; fix the cell or change contract.columns." + cols.get(c).name() + ".type");
                        }
                        values[c][n] = v;
                    }
                }
                if (labelIndex >= 0) {
                    String cell = f[labelIndex];
                    if (cell.isBlank()) {
                        throw new DataException(file + ":" + row.line() + ": label column '" + label
                                + "' is empty; every training row needs a label (remove the row or fill it)");
                    }
                    if (classification) {
                        labels[n] = cell;
                    } else {
                        double y = FeatureEncoder.parseNumber(cell.trim(), FeatureEncoder.Kind.NUMERIC);
                        if (Double.isNaN(y)) {
                            throw new DataException(file + ":" + row.line() + ": label column '" + label + "' has '" + cell
                                    + "', which is not a number; a regression label must be numeric");
                        }
                        targets[n] = y;
                    }
                }
                n++;
            }
            if (n == 0) {
                throw new DataException(file + ": the file has a header but no data rows");
            }
            for (int c = 0; c < k; c++) {
                if (codes[c] != null) {
                    codes[c] = Arrays.copyOf(codes[c], n);
                } else {
                    values[c] = Arrays.copyOf(values[c], n);
                }
            }
            return new RawTable(csv, n, values, codes, dictionaries,
                    labels == null ? null : Arrays.copyOf(labels, n), targets == null ? null : Arrays.copyOf(targets, n));
        }
    }

    /** Reads up to {@code limit} rows as text (for inferring column kinds when the contract lists none). */
    static List<String[]> sample(Path csv, int limit, List<String> headerOut) {
        try (CsvSource source = CsvSource.open(csv)) {
            headerOut.addAll(source.header());
            List<String[]> rows = new ArrayList<>();
            while (rows.size() < limit && source.hasNext()) {
                rows.add(source.next().fields());
            }
            return rows;
        }
    }

    /** The header of a CSV. */
    static List<String> header(Path csv) {
        try (CsvSource source = CsvSource.open(csv)) {
            return source.header();
        }
    }

    // ---------------------------------------------------------------- examples

    /**
     * Builds a Tribuo dataset from some rows of a parsed table: in one pass from the columns
     * ({@link ColumnarDataset}, the same dataset {@code MutableDataset.add} builds), or example
     * by example in the cases that builder leaves to Tribuo.
     *
     * @param rows    the row indices, in the order they enter the dataset
     * @param weights per-row weight (indexed like {@code rows}), or null for 1
     */
    static MutableDataset<?> dataset(RawTable raw, FeatureEncoder enc, int[] rows, float[] weights, String description) {
        if (enc.task() == Task.CLASSIFICATION) {
            Label[] outputs = labelOutputs(raw, rows);
            MutableDataset<Label> fast = ColumnarDataset.build(raw, enc, rows, weights, outputs,
                    new SimpleDataSourceProvenance(description, LABELS), LABELS);
            return fast != null ? fast : datasetByAdding(raw, enc, rows, weights, outputs, description, LABELS);
        }
        Regressor[] outputs = regressorOutputs(raw, enc, rows);
        MutableDataset<Regressor> fast = ColumnarDataset.build(raw, enc, rows, weights, outputs,
                new SimpleDataSourceProvenance(description, REGRESSORS), REGRESSORS);
        return fast != null ? fast : datasetByAdding(raw, enc, rows, weights, outputs, description, REGRESSORS);
    }

    /** The reference builder: one {@link ArrayExample} per row through {@code MutableDataset.add}. */
    static MutableDataset<?> datasetByAdding(RawTable raw, FeatureEncoder enc, int[] rows, float[] weights, String description) {
        if (enc.task() == Task.CLASSIFICATION) {
            return datasetByAdding(raw, enc, rows, weights, labelOutputs(raw, rows), description, LABELS);
        }
        return datasetByAdding(raw, enc, rows, weights, regressorOutputs(raw, enc, rows), description, REGRESSORS);
    }

    private static <T extends Output<T>> MutableDataset<T> datasetByAdding(RawTable raw, FeatureEncoder enc, int[] rows, float[] weights,
                                                                        T[] outputs, String description, OutputFactory<T> factory) {
        MutableDataset<T> ds = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        addExamples(ds, raw, enc, rows, weights, outputs);
        return ds;
    }

    private static Regressor[] regressorOutputs(RawTable raw, FeatureEncoder enc, int[] rows) {
        Regressor[] outputs = new Regressor[rows.length];
        double[] targets = raw.targets();
        for (int i = 0; i < rows.length; i++) {
            outputs[i] = targets == null ? REGRESSORS.getUnknownOutput() : new Regressor(enc.label(), enc.encodeTarget(targets[rows[i]]));
        }
        return outputs;
    }

    private static Label[] labelOutputs(RawTable raw, int[] rows) {
        Label[] outputs = new Label[rows.length];
        String[] labels = raw.labels();
        Map<String, Label> cache = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            outputs[i] = labels == null ? LABELS.getUnknownOutput() : cache.computeIfAbsent(labels[rows[i]], Label::new);
        }
        return outputs;
    }

    private static <T extends Output<T>> void addExamples(MutableDataset<T> ds, RawTable raw, FeatureEncoder enc, int[] rows,
                                                          float[] weights, T[] outputs) {
        List<Example<T>> examples = examples(raw, enc, rows, outputs);
        for (int i = 0; i < examples.size(); i++) {
            if (weights != null) {
                examples.get(i).setWeight(weights[i]);
            }
        }
        ds.addAll(examples);
    }

    /** Encodes rows into examples; the name/value arrays are reused (ArrayExample copies them). */
    static <T extends Output<T>> List<Example<T>> examples(RawTable raw, FeatureEncoder enc, int[] rows, T[] outputs) {
        List<FeatureEncoder.Column> cols = enc.columns();
        int k = cols.size();
        // feature name of each dictionary code, null for a category unseen in training
        String[][] codeNames = new String[k][];
        String[] fillNames = new String[k];
        double[] fills = new double[k];
        for (int c = 0; c < k; c++) {
            FeatureEncoder.Column col = cols.get(c);
            if (col.kind() == FeatureEncoder.Kind.CATEGORY) {
                List<String> dict = raw.dictionary(c);
                codeNames[c] = new String[dict.size()];
                for (int d = 0; d < dict.size(); d++) {
                    codeNames[c][d] = known(col, dict.get(d)) ? col.name() + "=" + dict.get(d) : null;
                }
                fillNames[c] = col.fillCategory() != null && known(col, col.fillCategory()) ? col.name() + "=" + col.fillCategory() : null;
            } else {
                fills[c] = col.fill() == null ? Double.NaN : col.fill();
            }
        }
        String[] names = new String[k];
        double[] vals = new double[k];
        List<Example<T>> out = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            int n = 0;
            for (int c = 0; c < k; c++) {
                if (codeNames[c] != null) {
                    int code = raw.codes(c)[r];
                    String name = code < 0 ? fillNames[c] : codeNames[c][code];
                    if (name != null) {
                        names[n] = name;
                        vals[n++] = 1.0;
                    }
                } else {
                    double v = raw.values(c)[r];
                    names[n] = cols.get(c).name();
                    vals[n++] = enc.transform(c, Double.isNaN(v) ? fills[c] : v);
                }
            }
            out.add(n == k ? new ArrayExample<>(outputs[i], names, vals)
                    : new ArrayExample<>(outputs[i], Arrays.copyOf(names, n), Arrays.copyOf(vals, n)));
        }
        return out;
    }

    static boolean known(FeatureEncoder.Column col, String value) {
        return col.categories() != null && java.util.Collections.binarySearch(col.categories(), value) >= 0;
    }

    /** Convenience for callers holding an {@link OutputFactory}-typed dataset. */
    @SuppressWarnings("unchecked")
    static <T extends Output<T>> MutableDataset<T> cast(MutableDataset<?> ds) {
        return (MutableDataset<T>) ds;
    }
}
