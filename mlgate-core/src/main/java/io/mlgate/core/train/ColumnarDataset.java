package io.mlgate.core.train;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.CategoricalInfo;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.RealInfo;
import org.tribuo.VariableInfo;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.CategoricalInfoProto;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DatasetProvenance;
import org.tribuo.transform.TransformerMap;

/**
 * A {@link MutableDataset} built in one pass from parsed columns ({@link RawTable}) instead of
 * {@code MutableDataset.add} per example. The result is the dataset {@code add} would build, field
 * for field: the same examples (features in name order, same values, outputs and weights), the
 * same feature infos (Tribuo's {@code CategoricalInfo}/{@code RealInfo} statistics replayed per
 * feature in row order, including the switch to a {@code RealInfo} after
 * {@value CategoricalInfo#THRESHOLD} distinct values), the same output counts and the same
 * density flag. What it saves is Tribuo's per-row argsort of feature names, its per-value
 * {@code Feature} allocation and hash lookup, and its per-value boxing.
 *
 * <p>It also remembers how each row maps to features, so a trainer can build XGBoost's CSR
 * matrix straight from the columns ({@link #csr}) as long as the dataset was not changed.
 */
final class ColumnarDataset<T extends Output<T>> extends MutableDataset<T> {
    private static final long serialVersionUID = 1L;

    private final transient Layout layout;
    private final transient int[] rows;
    private transient boolean intact = true;

    private ColumnarDataset(DataProvenance provenance, OutputFactory<T> factory, Layout layout, int[] rows) {
        super(provenance, factory);
        this.layout = layout;
        this.rows = rows;
    }

    /**
     * The dataset of some rows, or null when this builder cannot vouch for {@code add}'s exact
     * result (two columns giving the same feature name, a NaN value, a row without any feature:
     * cases where Tribuo's own {@code add} is left to decide, or to throw).
     *
     * @param rows    the row indices, in dataset order
     * @param weights per-row weights (indexed like {@code rows}) or null
     * @param outputs per-row outputs (indexed like {@code rows})
     */
    static <T extends Output<T>> MutableDataset<T> build(RawTable raw, FeatureEncoder enc, int[] rows, float[] weights, T[] outputs,
                                                          DataProvenance provenance, OutputFactory<T> factory) {
        Layout layout = Layout.of(raw, enc);
        if (layout == null || rows.length == 0) {
            return null;
        }
        ColumnarDataset<T> ds = new ColumnarDataset<>(provenance, factory, layout, rows);
        // --- feature infos, replayed per feature in row order
        VariableInfo[] infos = layout.infos(rows);
        String[] canonical = new String[infos.length];
        for (int f = 0; f < infos.length; f++) {
            if (infos[f] != null) {
                canonical[f] = infos[f].getName();
            }
        }
        // --- examples, outputs and density
        int width = layout.width;
        int[] rank = new int[width];
        double[] val = new double[width];
        boolean[] seen = new boolean[infos.length];
        int seenCount = 0;
        boolean dense = true;
        List<Example<T>> examples = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            int m = layout.row(rows[i], rank, val);
            if (m == 0) {
                return null;
            }
            String[] names = new String[m];
            double[] values = new double[m];
            for (int j = 0; j < m; j++) {
                if (Double.isNaN(val[j])) {
                    return null;
                }
                names[j] = canonical[rank[j]];
                values[j] = val[j];
            }
            if (dense) {
                int old = seenCount;
                for (int j = 0; j < m; j++) {
                    if (!seen[rank[j]]) {
                        seen[rank[j]] = true;
                        seenCount++;
                    }
                }
                if (old != 0 && (old < seenCount || m != seenCount)) {
                    dense = false;
                }
            }
            examples.add(new SortedExample<>(outputs[i], weights == null ? Example.DEFAULT_WEIGHT : weights[i], names, values));
        }
        for (T output : outputs) {
            ds.outputMap.observe(output);
        }
        for (VariableInfo info : infos) {
            if (info != null) {
                ds.featureMap.put(info);
            }
        }
        ds.data.addAll(examples);
        ds.dense = dense;
        return ds;
    }

    /**
     * XGBoost's CSR matrix of this dataset over a feature id map, as Tribuo's
     * {@code XGBoostTrainer.convertExamples} builds it (features in id order, values cast to
     * float, explicit zeros kept), or null when the dataset changed since it was built (then
     * the caller converts the examples).
     */
    Csr csr(ImmutableFeatureMap fmap) {
        if (!intact || indices != null || data.size() != rows.length) {
            return null;
        }
        int[] idOf = new int[layout.names.length];
        for (int f = 0; f < idOf.length; f++) {
            idOf[f] = fmap.getID(layout.names[f]);
        }
        int[] rank = new int[layout.width];
        double[] val = new double[layout.width];
        long[] headers = new long[rows.length + 1];
        int capacity = rows.length * layout.width;
        int[] ids = new int[capacity];
        float[] values = new float[capacity];
        int pos = 0;
        for (int i = 0; i < rows.length; i++) {
            int m = layout.row(rows[i], rank, val);
            if (m != data.get(i).size()) {
                return null;
            }
            int prev = -1;
            for (int j = 0; j < m; j++) {
                int id = idOf[rank[j]];
                if (id <= prev) {
                    return null; // not in id order: leave it to Tribuo's conversion
                }
                ids[pos] = id;
                values[pos++] = (float) val[j];
                prev = id;
            }
            headers[i + 1] = pos;
        }
        return new Csr(headers, pos == capacity ? ids : Arrays.copyOf(ids, pos), pos == capacity ? values : Arrays.copyOf(values, pos));
    }

    /** A CSR matrix: row starts, column ids, values. */
    record Csr(long[] headers, int[] ids, float[] values) {
    }

    /**
     * The provenance Tribuo records for a MutableDataset holding these examples: this class is an
     * implementation detail of how the dataset was filled, so models trained on it keep the
     * provenance they had (the dataset class name is the only field that would differ).
     */
    @Override
    public DatasetProvenance getProvenance() {
        Map<String, Provenance> map = new HashMap<>();
        for (Pair<String, Provenance> p : super.getProvenance()) {
            map.put(p.getA(), p.getB());
        }
        map.put(ObjectProvenance.CLASS_NAME, new StringProvenance(ObjectProvenance.CLASS_NAME, MutableDataset.class.getName()));
        return new DatasetProvenance(map);
    }

    // Any change detaches the dataset from its columns (csr() then answers null).

    @Override
    public void add(Example<T> ex) {
        intact = false;
        super.add(ex);
    }

    @Override
    public void addAll(Collection<? extends Example<T>> collection) {
        intact = false;
        super.addAll(collection);
    }

    @Override
    public void clear() {
        intact = false;
        super.clear();
    }

    @Override
    public void transform(TransformerMap transformerMap) {
        intact = false;
        super.transform(transformerMap);
    }

    @Override
    public void densify() {
        intact = false;
        super.densify();
    }

    @Override
    public synchronized void shuffle(boolean shuffle) {
        intact = false;
        super.shuffle(shuffle);
    }

    /** The output ids of the examples, for XGBoost labels. */
    static <T extends Output<T>> float[] labels(List<Example<T>> examples, ImmutableOutputInfo<T> info) {
        float[] y = new float[examples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = info.getID(examples.get(i).getOutput());
        }
        return y;
    }

    /** An ArrayExample whose arrays arrive filled in feature-name order: no copy, no argsort. */
    static final class SortedExample<T extends Output<T>> extends ArrayExample<T> {
        private static final long serialVersionUID = 1L;

        SortedExample(T output, float weight, String[] names, double[] values) {
            super(output, weight, 0);
            this.featureNames = names;
            this.featureValues = values;
            this.size = names.length;
        }
    }

    /**
     * How the rows of a table become features: every feature name a row can produce, sorted as
     * Tribuo sorts them (its rank), and per column the rank of each value.
     */
    private static final class Layout {
        final RawTable raw;
        final FeatureEncoder enc;
        final int k;
        /** feature names by rank (sorted). */
        final String[] names;
        /** category columns: rank per dictionary code (-1: no feature), else null. */
        final int[][] codeRank;
        /** category columns: rank of the fill for an empty cell (-1: none). */
        final int[] fillRank;
        /** numeric columns: the feature's rank. */
        final int[] numericRank;
        final double[] fills;
        /** numeric columns that are neither binned nor standardised (their transform is the identity). */
        final boolean[] plain;
        /** columns in an order whose features always come sorted, or null (sort every row). */
        final int[] order;
        final int width;

        private Layout(RawTable raw, FeatureEncoder enc, String[] names, int[][] codeRank, int[] fillRank, int[] numericRank,
                       double[] fills, int[] order) {
            this.raw = raw;
            this.enc = enc;
            this.k = enc.columns().size();
            this.names = names;
            this.codeRank = codeRank;
            this.fillRank = fillRank;
            this.numericRank = numericRank;
            this.fills = fills;
            this.order = order;
            this.width = k;
            this.plain = new boolean[k];
            for (int c = 0; c < k; c++) {
                FeatureEncoder.Column col = enc.columns().get(c);
                plain[c] = col.binEdges() == null && col.mean() == null;
            }
        }

        static Layout of(RawTable raw, FeatureEncoder enc) {
            List<FeatureEncoder.Column> cols = enc.columns();
            int k = cols.size();
            // the same names DatasetLoader.examples gives each cell
            String[][] codeNames = new String[k][];
            String[] fillNames = new String[k];
            double[] fills = new double[k];
            Map<String, Integer> owner = new HashMap<>();
            for (int c = 0; c < k; c++) {
                FeatureEncoder.Column col = cols.get(c);
                if (col.kind() == FeatureEncoder.Kind.CATEGORY) {
                    List<String> dict = raw.dictionary(c);
                    codeNames[c] = new String[dict.size()];
                    for (int d = 0; d < dict.size(); d++) {
                        codeNames[c][d] = DatasetLoader.known(col, dict.get(d)) ? col.name() + "=" + dict.get(d) : null;
                    }
                    fillNames[c] = col.fillCategory() != null && DatasetLoader.known(col, col.fillCategory())
                            ? col.name() + "=" + col.fillCategory() : null;
                    for (String name : codeNames[c]) {
                        if (name != null && !claim(owner, name, c)) {
                            return null;
                        }
                    }
                    if (fillNames[c] != null && !claim(owner, fillNames[c], c)) {
                        return null;
                    }
                } else {
                    fills[c] = col.fill() == null ? Double.NaN : col.fill();
                    if (!claim(owner, col.name(), c)) {
                        return null;
                    }
                }
            }
            String[] names = owner.keySet().toArray(new String[0]);
            Arrays.sort(names);
            Map<String, Integer> rankOf = new HashMap<>();
            for (int f = 0; f < names.length; f++) {
                rankOf.put(names[f], f);
            }
            int[][] codeRank = new int[k][];
            int[] fillRank = new int[k];
            int[] numericRank = new int[k];
            int[] min = new int[k];
            int[] max = new int[k];
            Arrays.fill(min, Integer.MAX_VALUE);
            Arrays.fill(max, -1);
            for (int c = 0; c < k; c++) {
                if (codeNames[c] != null) {
                    codeRank[c] = new int[codeNames[c].length];
                    for (int d = 0; d < codeNames[c].length; d++) {
                        codeRank[c][d] = codeNames[c][d] == null ? -1 : rankOf.get(codeNames[c][d]);
                    }
                    fillRank[c] = fillNames[c] == null ? -1 : rankOf.get(fillNames[c]);
                    for (int r : codeRank[c]) {
                        if (r >= 0) {
                            min[c] = Math.min(min[c], r);
                            max[c] = Math.max(max[c], r);
                        }
                    }
                    if (fillRank[c] >= 0) {
                        min[c] = Math.min(min[c], fillRank[c]);
                        max[c] = Math.max(max[c], fillRank[c]);
                    }
                } else {
                    numericRank[c] = rankOf.get(cols.get(c).name());
                    min[c] = numericRank[c];
                    max[c] = numericRank[c];
                }
            }
            // columns whose rank ranges do not interleave can be visited in one fixed order
            Integer[] byMin = new Integer[k];
            for (int c = 0; c < k; c++) {
                byMin[c] = c;
            }
            Arrays.sort(byMin, (a, b) -> Integer.compare(min[a], min[b]));
            int[] order = new int[k];
            int last = -1;
            for (int j = 0; j < k; j++) {
                int c = byMin[j];
                order[j] = c;
                if (max[c] < 0) {
                    continue; // never gives a feature
                }
                if (min[c] <= last) {
                    order = null;
                    break;
                }
                last = max[c];
            }
            return new Layout(raw, enc, names, codeRank, fillRank, numericRank, fills, order);
        }

        /** Records that column {@code c} gives feature {@code name}; false when another column gives it too (Tribuo's add decides then). */
        private static boolean claim(Map<String, Integer> owner, String name, int c) {
            Integer previous = owner.putIfAbsent(name, c);
            return previous == null || previous == c;
        }

        /** The feature value of a numeric cell (NaN = empty) as DatasetLoader.examples computes it. */
        private double value(int c, double cell) {
            double v = Double.isNaN(cell) ? fills[c] : cell;
            return plain[c] ? v : enc.transform(c, v);
        }

        /** The features of one table row in rank order; returns how many. */
        int row(int r, int[] rank, double[] val) {
            int m = 0;
            for (int j = 0; j < k; j++) {
                int c = order == null ? j : order[j];
                int[] cr = codeRank[c];
                if (cr != null) {
                    int code = raw.codes(c)[r];
                    int rk = code < 0 ? fillRank[c] : cr[code];
                    if (rk >= 0) {
                        rank[m] = rk;
                        val[m++] = 1.0;
                    }
                } else {
                    rank[m] = numericRank[c];
                    val[m++] = value(c, raw.values(c)[r]);
                }
            }
            if (order == null) {
                for (int i = 1; i < m; i++) {
                    int rk = rank[i];
                    double v = val[i];
                    int j = i - 1;
                    while (j >= 0 && rank[j] > rk) {
                        rank[j + 1] = rank[j];
                        val[j + 1] = val[j];
                        j--;
                    }
                    rank[j + 1] = rk;
                    val[j + 1] = v;
                }
            }
            return m;
        }

        /** The feature infos MutableFeatureMap.add would hold after these rows, by rank (null: never seen). */
        VariableInfo[] infos(int[] rows) {
            VariableInfo[] infos = new VariableInfo[names.length];
            for (int c = 0; c < k; c++) {
                if (codeRank[c] != null) {
                    // one-hot: every observation is 1.0, so each info is a single-value CategoricalInfo
                    int[] codes = raw.codes(c);
                    int[] byCode = new int[codeRank[c].length];
                    int fillCount = 0;
                    for (int r : rows) {
                        int code = codes[r];
                        if (code < 0) {
                            fillCount++;
                        } else {
                            byCode[code]++;
                        }
                    }
                    int[] count = new int[names.length];
                    for (int d = 0; d < byCode.length; d++) {
                        if (codeRank[c][d] >= 0) {
                            count[codeRank[c][d]] += byCode[d];
                        }
                    }
                    if (fillRank[c] >= 0) {
                        count[fillRank[c]] += fillCount;
                    }
                    for (int f = 0; f < names.length; f++) {
                        if (count[f] > 0) {
                            infos[f] = Replay.singleValue(names[f], 1.0, count[f]);
                        }
                    }
                } else {
                    double[] values = raw.values(c);
                    Replay replay = new Replay();
                    for (int r : rows) {
                        replay.observe(value(c, values[r]));
                    }
                    infos[numericRank[c]] = replay.info(names[numericRank[c]]);
                }
            }
            return infos;
        }
    }

    /**
     * What {@code MutableFeatureMap.add(name, v)} does to one feature's info, replayed on
     * primitives: a {@code CategoricalInfo} (zeros are not observed; one value kept with a 1e-10
     * tolerance, then a value-count map) that turns into a {@code RealInfo} once it has seen more
     * than {@value CategoricalInfo#THRESHOLD} distinct values, after which Welford's update runs.
     */
    private static final class Replay {
        private int count;
        private boolean real;
        // categorical state
        private double observedValue = Double.NaN;
        private long observedCount;
        private long[] keys;      // doubleToLongBits, first-seen order
        private long[] counts;
        private int[] index;      // open addressing over keys (at most 51 of 256 slots used)
        private int size;
        // real state
        private double max = Double.NEGATIVE_INFINITY;
        private double min = Double.POSITIVE_INFINITY;
        private double mean;
        private double sumSquares;

        void observe(double value) {
            if (value == 0.0) {
                return;
            }
            count++;
            if (real) {
                if (value < min) {
                    min = value;
                }
                if (value > max) {
                    max = value;
                }
                double delta = value - mean;
                mean += delta / count;
                double delta2 = value - mean;
                sumSquares += delta * delta2;
                return;
            }
            if (keys != null) {
                long bits = Double.doubleToLongBits(value);
                int slot = slot(bits);
                int i;
                while ((i = index[slot]) >= 0 && keys[i] != bits) {
                    slot = (slot + 1) & (index.length - 1);
                }
                if (i >= 0) {
                    counts[i]++;
                } else {
                    index[slot] = size;
                    keys[size] = bits;
                    counts[size++] = 1;
                }
            } else if (Double.isNaN(observedValue)) {
                observedValue = value;
                observedCount++;
            } else if (Math.abs(value - observedValue) < 1e-10) {
                observedCount++;
            } else {
                keys = new long[CategoricalInfo.THRESHOLD + 2];
                counts = new long[CategoricalInfo.THRESHOLD + 2];
                index = new int[256];
                Arrays.fill(index, -1);
                keys[0] = Double.doubleToLongBits(observedValue);
                counts[0] = observedCount;
                index[slot(keys[0])] = 0;
                keys[1] = Double.doubleToLongBits(value);
                counts[1] = 1;
                int slot = slot(keys[1]);
                while (index[slot] >= 0) {
                    slot = (slot + 1) & (index.length - 1);
                }
                index[slot] = 1;
                size = 2;
                observedValue = Double.NaN;
                observedCount = 0;
            }
            if (keys != null && size > CategoricalInfo.THRESHOLD) {
                toReal();
            }
        }

        private static int slot(long bits) {
            long h = bits * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 56);
        }

        /** CategoricalInfo.generateRealInfo: values in ascending order, then the two-pass mean and sum of squares. */
        private void toReal() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(Double.longBitsToDouble(keys[a]), Double.longBitsToDouble(keys[b])));
            double sum = 0.0;
            for (int i : order) {
                double value = Double.longBitsToDouble(keys[i]);
                double valCount = counts[i];
                if (value > max) {
                    max = value;
                }
                if (value < min) {
                    min = value;
                }
                sum += value * valCount;
            }
            mean = sum / count;
            double sq = 0.0;
            for (int i : order) {
                double value = Double.longBitsToDouble(keys[i]);
                double valCount = counts[i];
                sq += (value - mean) * (value - mean) * valCount;
            }
            sumSquares = sq;
            real = true;
            keys = null;
            counts = null;
            index = null;
        }

        VariableInfo info(String name) {
            if (real) {
                return new RealInfo(name, count, max, min, mean, sumSquares);
            }
            if (keys == null) {
                return singleValue(name, observedValue, observedCount);
            }
            CategoricalInfoProto.Builder b = CategoricalInfoProto.newBuilder().setName(name);
            for (int i = 0; i < size; i++) {
                b.addKey(Double.longBitsToDouble(keys[i])).addValue(counts[i]);
            }
            return categorical(b);
        }

        /** A CategoricalInfo that saw one value {@code count} times (NaN and 0: an info that saw only zeros). */
        static VariableInfo singleValue(String name, double value, long count) {
            return categorical(CategoricalInfoProto.newBuilder().setName(name).setObservedValue(value).setObservedCount(count));
        }

        /**
         * CategoricalInfo keeps its state protected, and its protobuf form is the public way to
         * create one with given counts (the deserializer restores exactly what observe() built).
         */
        private static VariableInfo categorical(CategoricalInfoProto.Builder proto) {
            try {
                return CategoricalInfo.deserializeFromProto(0, CategoricalInfo.class.getName(), Any.pack(proto.build()));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("cannot build a Tribuo CategoricalInfo: " + e.getMessage(), e);
            }
        }
    }
}
