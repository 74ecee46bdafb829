import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.mlgate.core.config.Task;
import io.mlgate.core.data.CsvRow;
import io.mlgate.core.data.CsvSource;
import io.mlgate.core.train.DatasetLoader;
import io.mlgate.core.train.FeatureEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Where the time goes, and what faster paths would give. Not mlgate's API: replicas of
 * mlgate-core internals (package-private there) and prototypes of fixes, timed the same way as
 * {@link Bench}. Every line it prints is prefixed {@code probe_} so run.sh keeps it out of the
 * target table.
 */
final class Probe {
    private Probe() {
    }

    static void run(Path train, FeatureEncoder enc, MutableDataset<Label> ds, DatasetLoader.LoadedData hold,
                    Map<String, Object> p, long seed, int threads, int reps, int trainReps) throws Exception {
        // ---- load: the phases of DatasetLoader.load, replicated
        Bench.time("probe_fastcsv_raw", reps, () -> fastCsvRaw(train));
        Columns cols = Bench.time("probe_load_parse", reps, () -> parse(train, enc));
        List<Example<Label>> examples = Bench.time("probe_load_examples", reps, () -> examples(cols, enc));
        Bench.time("probe_load_dataset_add", reps, () -> {
            MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance("probe", new LabelFactory()), new LabelFactory());
            d.addAll(examples);
            return d;
        });

        // ---- prototype: bytes -> primitive columns -> examples in order -> ImmutableDataset
        FastLoad.Table table = Bench.time("probe_fastload_parse", reps, () -> FastLoad.parse(train, enc));
        org.tribuo.ImmutableDataset<Label> fast = Bench.time("probe_fastload_dataset", reps, () -> FastLoad.dataset(table, enc));
        Bench.time("probe_fastload_total", reps, () -> FastLoad.dataset(FastLoad.parse(train, enc), enc));
        Bench.info("probe_fastload_same_examples", String.valueOf(sameExamples(ds, fast)));
        Bench.time("probe_dmatrix_from_columns", reps, () -> {
            DMatrix m = columnsDMatrix(table, enc, fast.getFeatureIDMap(), fast.getOutputIDInfo());
            m.dispose();
            return null;
        });

        // ---- XGBoost: conversion vs boosting, objective
        ImmutableFeatureMap fmap = ds.getFeatureIDMap();
        ImmutableOutputInfo<Label> labels = ds.getOutputIDInfo();
        Bench.info("probe_tribuo_xgb_params", String.valueOf(Access.params(
                (org.tribuo.common.xgboost.XGBoostTrainer<?>) io.mlgate.core.train.TrainerFactory.create(Task.CLASSIFICATION, "xgboost", p, seed, threads))));
        Bench.time("probe_dmatrix_tribuo", reps, () -> {
            DMatrix m = Access.convert(ds, fmap, labels);
            m.dispose();
            return null;
        });
        Bench.time("probe_dmatrix_primitive", reps, () -> {
            DMatrix m = primitiveDMatrix(ds, fmap, labels, true);
            m.dispose();
            return null;
        });
        DMatrix train0 = primitiveDMatrix(ds, fmap, labels, true);
        DMatrix hold0 = primitiveDMatrix(hold.dataset(), fmap, labels, false);
        int posId = labels.getID(new Label(Bench.POSITIVE));
        Bench.info("probe_positive_id", String.valueOf(posId));
        for (String objective : List.of("multi:softprob", "binary:logistic")) {
            Map<String, Object> xp = xgbParams(p, seed, threads, objective, labels.size());
            String tag = objective.startsWith("multi") ? "softprob" : "binary";
            Booster b = Bench.time("probe_boost_" + tag, trainReps, () -> XGBoost.train(train0, xp, (Integer) p.get("rounds"),
                    Map.of(), null, null));
            float[][] pred = b.predict(hold0);
            double[] score = new double[pred.length];
            for (int i = 0; i < pred.length; i++) {
                // softprob: one column per Tribuo output id; binary: P(label id 1)
                score[i] = pred[i].length > 1 ? pred[i][posId] : (posId == 1 ? pred[i][0] : 1 - pred[i][0]);
            }
            Bench.auc("probe_boost_" + tag, hold.labels(), score);
            b.dispose();
        }
        // the proposed path end to end: CSR straight from the columns + binary:logistic
        Map<String, Object> bp = xgbParams(p, seed, threads, "binary:logistic", 2);
        Booster fixed = Bench.time("probe_xgb_fixed_total", trainReps, () -> {
            DMatrix m = columnsDMatrix(table, enc, fast.getFeatureIDMap(), fast.getOutputIDInfo());
            try {
                return XGBoost.train(m, bp, (Integer) p.get("rounds"), Map.of(), null, null);
            } finally {
                m.dispose();
            }
        });
        int fastPos = fast.getOutputIDInfo().getID(new Label(Bench.POSITIVE));
        float[][] fp = fixed.predict(hold0); // same feature ids: both maps are the sorted feature names
        double[] fs = new double[fp.length];
        for (int i = 0; i < fp.length; i++) {
            fs[i] = fastPos == 1 ? fp[i][0] : 1 - fp[i][0];
        }
        Bench.auc("probe_xgb_fixed_total", hold.labels(), fs);
        fixed.dispose();

        // Tribuo's own trainer with binary:logistic through its parameter-override constructor
        Map<String, Object> over = xgbParams(p, seed, threads, "binary:logistic", 0);
        over.remove("num_class");
        XGBoostClassificationTrainer binaryTribuo = new XGBoostClassificationTrainer((Integer) p.get("rounds"), over);
        try {
            binaryTribuo.train(ds);
            Bench.info("probe_tribuo_binary", "trained (unexpected: Tribuo 4.3.2 always sets num_class)");
        } catch (RuntimeException e) {
            // Tribuo sets num_class = number of labels whatever the objective, so xgboost sees
            // two predictions per row for one label: binary:logistic cannot go through it.
            String m = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            Bench.info("probe_tribuo_binary", "fails: " + m.lines().findFirst().orElse(m));
        }
        train0.dispose();
        hold0.dispose();
    }

    /** The training CSR straight from primitive columns (what DatasetLoader's RawTable holds): no Example objects. */
    static DMatrix columnsDMatrix(FastLoad.Table t, FeatureEncoder enc, ImmutableFeatureMap fmap, ImmutableOutputInfo<Label> out)
            throws Exception {
        List<FeatureEncoder.Column> cols = enc.columns();
        int k = cols.size();
        int n = t.rows();
        int[][] ids = new int[k][];
        int[] numericId = new int[k];
        for (int c = 0; c < k; c++) {
            if (t.codes()[c] != null) {
                List<String> d = t.dicts().get(c);
                ids[c] = new int[d.size()];
                for (int i = 0; i < d.size(); i++) {
                    ids[c][i] = fmap.getID(cols.get(c).name() + "=" + d.get(i));
                }
            } else {
                numericId[c] = fmap.getID(cols.get(c).name());
            }
        }
        int[] idx = new int[n * k];
        float[] val = new float[n * k];
        int[] rowIds = new int[k];
        float[] rowVals = new float[k];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < k; c++) {
                if (ids[c] != null) {
                    rowIds[c] = ids[c][t.codes()[c][r]];
                    rowVals[c] = 1f;
                } else {
                    rowIds[c] = numericId[c];
                    rowVals[c] = (float) t.values()[c][r];
                }
            }
            sortRow(rowIds, rowVals, 0, k);
            System.arraycopy(rowIds, 0, idx, r * k, k);
            System.arraycopy(rowVals, 0, val, r * k, k);
        }
        long[] headers = new long[n + 1];
        for (int r = 0; r <= n; r++) {
            headers[r] = (long) r * k;
        }
        float[] y = new float[n];
        int[] labelId = new int[t.labelDict().size()];
        for (int i = 0; i < labelId.length; i++) {
            labelId[i] = out.getID(new Label(t.labelDict().get(i)));
        }
        for (int r = 0; r < n; r++) {
            y[r] = labelId[t.labelCodes()[r]];
        }
        DMatrix m = new DMatrix(headers, idx, val, DMatrix.SparseType.CSR, fmap.size());
        m.setLabel(y);
        return m;
    }

    /** Whether two datasets hold the same rows: same label, same feature names and values, in order. */
    static boolean sameExamples(org.tribuo.Dataset<Label> a, org.tribuo.Dataset<Label> b) {
        if (a.size() != b.size() || a.getFeatureIDMap().size() != b.getFeatureIDMap().size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Example<Label> x = a.getExample(i);
            Example<Label> y = b.getExample(i);
            if (!x.getOutput().getLabel().equals(y.getOutput().getLabel()) || x.size() != y.size()) {
                return false;
            }
            java.util.Iterator<Feature> fx = x.iterator();
            java.util.Iterator<Feature> fy = y.iterator();
            while (fx.hasNext()) {
                Feature u = fx.next();
                Feature v = fy.next();
                if (!u.getName().equals(v.getName()) || u.getValue() != v.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    static Map<String, Object> xgbParams(Map<String, Object> p, long seed, int threads, String objective, int numClass) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("booster", "gbtree");
        x.put("tree_method", "hist");
        x.put("objective", objective);
        if (objective.startsWith("multi")) {
            x.put("num_class", numClass);
        }
        x.put("eta", p.get("eta"));
        x.put("max_depth", p.get("depth"));
        x.put("min_child_weight", p.get("min_child_weight"));
        x.put("subsample", p.get("subsample"));
        x.put("colsample_bytree", p.get("colsample"));
        x.put("lambda", p.get("lambda"));
        x.put("alpha", p.get("alpha"));
        x.put("gamma", p.get("gamma"));
        x.put("nthread", threads);
        x.put("seed", seed);
        x.put("verbosity", 0);
        return x;
    }

    /** Tribuo's protected converter and parameter map, reached by reflection (the trainer class is final). */
    static final class Access {
        private Access() {
        }

        static DMatrix convert(MutableDataset<Label> ds, ImmutableFeatureMap fmap, ImmutableOutputInfo<Label> labels) throws Exception {
            java.lang.reflect.Method m = org.tribuo.common.xgboost.XGBoostTrainer.class.getDeclaredMethod("convertExamples",
                    Iterable.class, ImmutableFeatureMap.class, java.util.function.Function.class);
            m.setAccessible(true);
            java.util.function.Function<Label, Float> response = l -> (float) labels.getID(l);
            Object tuple = m.invoke(null, ds, fmap, response);
            java.lang.reflect.Field data = tuple.getClass().getDeclaredField("data");
            data.setAccessible(true);
            return (DMatrix) data.get(tuple);
        }

        static Map<String, Object> params(org.tribuo.common.xgboost.XGBoostTrainer<?> t) throws Exception {
            java.lang.reflect.Field f = org.tribuo.common.xgboost.XGBoostTrainer.class.getDeclaredField("parameters");
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) f.get(t);
            return m;
        }
    }

    /**
     * The CSR matrix Tribuo builds (same feature ids, same values, explicit zeros kept) but into
     * primitive arrays sized once, instead of ArrayList&lt;Float&gt;/&lt;Integer&gt;/&lt;Long&gt; of boxed values.
     */
    static DMatrix primitiveDMatrix(MutableDataset<?> ds, ImmutableFeatureMap fmap, ImmutableOutputInfo<Label> labels, boolean labelled)
            throws Exception {
        int n = ds.size();
        long[] headers = new long[n + 1];
        int cap = n * 24;
        int[] idx = new int[cap];
        float[] val = new float[cap];
        float[] y = new float[n];
        int k = 0;
        int r = 0;
        for (Object o : ds) {
            @SuppressWarnings("unchecked")
            Example<Label> ex = (Example<Label>) o;
            if (labelled) {
                y[r] = labels.getID(ex.getOutput());
            }
            int start = k;
            for (Feature f : ex) {
                int id = fmap.getID(f.getName());
                if (id < 0) {
                    continue;
                }
                if (k == idx.length) {
                    idx = Arrays.copyOf(idx, idx.length * 2);
                    val = Arrays.copyOf(val, val.length * 2);
                }
                idx[k] = id;
                val[k++] = (float) f.getValue();
            }
            // Tribuo orders features by name, and its ids follow the same order, so rows are sorted already;
            // sort only if that ever breaks
            for (int i = start + 1; i < k; i++) {
                if (idx[i] <= idx[i - 1]) {
                    sortRow(idx, val, start, k);
                    break;
                }
            }
            headers[++r] = k;
        }
        DMatrix m = new DMatrix(headers, Arrays.copyOf(idx, k), Arrays.copyOf(val, k), DMatrix.SparseType.CSR, fmap.size());
        if (labelled) {
            m.setLabel(y);
        }
        return m;
    }

    private static void sortRow(int[] idx, float[] val, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            int id = idx[i];
            float v = val[i];
            int j = i - 1;
            while (j >= from && idx[j] > id) {
                idx[j + 1] = idx[j];
                val[j + 1] = val[j];
                j--;
            }
            idx[j + 1] = id;
            val[j + 1] = v;
        }
    }

    // ---------------------------------------------------------------- load phases

    /** FastCSV alone (no CsvSource wrapper): the floor of a String-per-field parser. */
    static long fastCsvRaw(Path csv) throws Exception {
        long cells = 0;
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(csv)) {
            for (CsvRecord rec : r) {
                cells += rec.getFieldCount();
            }
        }
        return cells;
    }

    /** The primitive columns DatasetLoader.read builds. */
    record Columns(int rows, double[][] values, int[][] codes, List<List<String>> dicts, String[] labels) {
    }

    /** Replica of DatasetLoader.read for this data (no empty cells): CsvSource rows to primitive columns. */
    static Columns parse(Path csv, FeatureEncoder enc) {
        List<FeatureEncoder.Column> cs = enc.columns();
        int k = cs.size();
        try (CsvSource source = CsvSource.open(csv)) {
            int[] index = new int[k];
            boolean[] cat = new boolean[k];
            List<Map<String, Integer>> lookups = new ArrayList<>();
            List<List<String>> dicts = new ArrayList<>();
            int cap = 1024;
            double[][] values = new double[k][];
            int[][] codes = new int[k][];
            for (int c = 0; c < k; c++) {
                index[c] = source.requireColumn(cs.get(c).name(), "feature");
                cat[c] = cs.get(c).kind() == FeatureEncoder.Kind.CATEGORY;
                lookups.add(new HashMap<>());
                dicts.add(new ArrayList<>());
                if (cat[c]) {
                    codes[c] = new int[cap];
                } else {
                    values[c] = new double[cap];
                }
            }
            int li = source.requireColumn(enc.label(), "label");
            String[] labels = new String[cap];
            int n = 0;
            while (source.hasNext()) {
                CsvRow row = source.next();
                String[] f = row.fields();
                if (n == cap) {
                    cap *= 2;
                    for (int c = 0; c < k; c++) {
                        if (cat[c]) {
                            codes[c] = Arrays.copyOf(codes[c], cap);
                        } else {
                            values[c] = Arrays.copyOf(values[c], cap);
                        }
                    }
                    labels = Arrays.copyOf(labels, cap);
                }
                for (int c = 0; c < k; c++) {
                    String cell = f[index[c]];
                    if (cat[c]) {
                        Map<String, Integer> lookup = lookups.get(c);
                        Integer code = lookup.get(cell);
                        if (code == null) {
                            code = lookup.size();
                            lookup.put(cell, code);
                            dicts.get(c).add(cell);
                        }
                        codes[c][n] = code;
                    } else {
                        values[c][n] = Double.parseDouble(cell.trim());
                    }
                }
                labels[n++] = f[li];
            }
            return new Columns(n, values, codes, dicts, Arrays.copyOf(labels, n));
        }
    }

    /** Replica of DatasetLoader.examples: one ArrayExample per row. */
    static List<Example<Label>> examples(Columns t, FeatureEncoder enc) {
        List<FeatureEncoder.Column> cs = enc.columns();
        int k = cs.size();
        String[][] codeNames = new String[k][];
        for (int c = 0; c < k; c++) {
            if (t.codes()[c] != null) {
                List<String> d = t.dicts().get(c);
                codeNames[c] = new String[d.size()];
                for (int i = 0; i < d.size(); i++) {
                    codeNames[c][i] = cs.get(c).name() + "=" + d.get(i);
                }
            }
        }
        Map<String, Label> labelCache = new HashMap<>();
        String[] names = new String[k];
        double[] vals = new double[k];
        List<Example<Label>> out = new ArrayList<>(t.rows());
        for (int r = 0; r < t.rows(); r++) {
            for (int c = 0; c < k; c++) {
                if (codeNames[c] != null) {
                    names[c] = codeNames[c][t.codes()[c][r]];
                    vals[c] = 1.0;
                } else {
                    names[c] = cs.get(c).name();
                    vals[c] = t.values()[c][r];
                }
            }
            out.add(new ArrayExample<>(labelCache.computeIfAbsent(t.labels()[r], Label::new), names, vals));
        }
        return out;
    }
}
