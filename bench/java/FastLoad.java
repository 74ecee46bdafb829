import io.mlgate.core.train.FeatureEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.ImmutableDataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableFeatureMap;
import org.tribuo.RealInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Prototype of a faster CSV -> Tribuo dataset path, to measure what a rewrite of
 * DatasetLoader.read/examples/dataset would give. Not production code: it handles only unquoted
 * CSV without empty cells (it returns null on a quote so a real implementation would fall back
 * to FastCSV), reads the whole file into memory, and does no error reporting.
 *
 * <ol>
 *   <li>{@link #parse}: bytes straight to primitive columns; numbers parsed from the bytes (the
 *       exact fast path: an integer mantissa below 2^53 divided by an exact power of ten is
 *       correctly rounded, so values equal Double.parseDouble's); categories looked up by their
 *       bytes in a small open-addressing table, so no String is made per cell.</li>
 *   <li>{@link #dataset}: ArrayExamples filled in feature-name order without re-sorting (the
 *       String[]/double[] constructor copies and argsorts every row, {@code add} re-sorts after
 *       every feature), and an ImmutableDataset whose
 *       feature map is built from column statistics instead of observing 4M feature values one by
 *       one in MutableDataset.add.</li>
 * </ol>
 */
final class FastLoad {
    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private FastLoad() {
    }

    /** Primitive columns of the encoder's features plus label codes. */
    record Table(int rows, double[][] values, int[][] codes, List<List<String>> dicts, int[] labelCodes, List<String> labelDict) {
    }

    static Table parse(Path csv, FeatureEncoder enc) throws Exception {
        byte[] b = Files.readAllBytes(csv);
        int pos = 0;
        int eol = lineEnd(b, 0);
        String[] header = new String(b, 0, eol, StandardCharsets.UTF_8).trim().split(",", -1);
        pos = next(b, eol);
        List<FeatureEncoder.Column> cols = enc.columns();
        int k = cols.size();
        int width = header.length;
        int[] role = new int[width]; // -1 skip, c feature, k label
        Arrays.fill(role, -1);
        for (int i = 0; i < width; i++) {
            if (header[i].equals(enc.label())) {
                role[i] = k;
            }
            for (int c = 0; c < k; c++) {
                if (cols.get(c).name().equals(header[i])) {
                    role[i] = c;
                }
            }
        }
        int cap = Math.max(1024, b.length / 64);
        double[][] values = new double[k][];
        int[][] codes = new int[k + 1][];
        Dict[] dicts = new Dict[k + 1];
        for (int c = 0; c < k; c++) {
            if (cols.get(c).kind() == FeatureEncoder.Kind.CATEGORY) {
                codes[c] = new int[cap];
                dicts[c] = new Dict();
            } else {
                values[c] = new double[cap];
            }
        }
        codes[k] = new int[cap];
        dicts[k] = new Dict();
        int n = 0;
        while (pos < b.length) {
            if (n == cap) {
                cap *= 2;
                for (int c = 0; c <= k; c++) {
                    if (codes[c] != null) {
                        codes[c] = Arrays.copyOf(codes[c], cap);
                    } else {
                        values[c] = Arrays.copyOf(values[c], cap);
                    }
                }
            }
            for (int i = 0; i < width; i++) {
                int start = pos;
                while (pos < b.length && b[pos] != ',' && b[pos] != '\n' && b[pos] != '\r') {
                    if (b[pos] == '"') {
                        return null; // quoted fields: the FastCSV path handles them
                    }
                    pos++;
                }
                int r = role[i];
                if (r >= 0) {
                    if (codes[r] != null) {
                        codes[r][n] = dicts[r].code(b, start, pos);
                    } else {
                        values[r][n] = number(b, start, pos);
                    }
                }
                pos++; // the separator or the line end
            }
            if (pos < b.length && b[pos - 1] == '\r' && b[pos] == '\n') {
                pos++;
            }
            n++;
        }
        List<List<String>> dictLists = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            dictLists.add(dicts[c] == null ? null : dicts[c].values);
            if (codes[c] != null) {
                codes[c] = Arrays.copyOf(codes[c], n);
            } else {
                values[c] = Arrays.copyOf(values[c], n);
            }
        }
        return new Table(n, values, codes, dictLists, Arrays.copyOf(codes[k], n), dicts[k].values);
    }

    private static int lineEnd(byte[] b, int from) {
        int i = from;
        while (i < b.length && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        return i;
    }

    private static int next(byte[] b, int eol) {
        int i = eol;
        if (i < b.length && b[i] == '\r') {
            i++;
        }
        if (i < b.length && b[i] == '\n') {
            i++;
        }
        return i;
    }

    /** Decimal number from bytes; the exact fast path, else Double.parseDouble. */
    static double number(byte[] b, int from, int to) {
        int i = from;
        boolean neg = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            neg = b[i] == '-';
            i++;
        }
        long m = 0;
        int digits = 0;
        int frac = -1;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                m = m * 10 + d;
                digits++;
                if (frac >= 0) {
                    frac++;
                }
            } else if (b[i] == '.' && frac < 0) {
                frac = 0;
            } else {
                digits = 99; // exponent, spaces, text: take the slow path
                break;
            }
        }
        if (digits == 0 || digits > 15 || frac > 22) {
            return Double.parseDouble(new String(b, from, to - from, StandardCharsets.UTF_8).trim());
        }
        double v = frac > 0 ? m / POW10[frac] : m;
        return neg ? -v : v;
    }

    /** Byte-slice -> code, open addressing; values kept as Strings once per distinct value. */
    static final class Dict {
        byte[][] keys = new byte[64][];
        int[] ids = new int[64];
        final List<String> values = new ArrayList<>();

        int code(byte[] b, int from, int to) {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            int mask = keys.length - 1;
            int slot = (h ^ (h >>> 16)) & mask;
            while (keys[slot] != null) {
                byte[] key = keys[slot];
                if (Arrays.equals(key, 0, key.length, b, from, to)) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = Arrays.copyOfRange(b, from, to);
            ids[slot] = values.size();
            values.add(new String(keys[slot], StandardCharsets.UTF_8));
            if (values.size() * 2 > keys.length) {
                rehash();
            }
            return values.size() - 1;
        }

        private void rehash() {
            byte[][] old = keys;
            int[] oldIds = ids;
            keys = new byte[old.length * 2][];
            ids = new int[old.length * 2];
            for (int i = 0; i < old.length; i++) {
                if (old[i] != null) {
                    int h = 1;
                    for (byte x : old[i]) {
                        h = 31 * h + x;
                    }
                    int slot = (h ^ (h >>> 16)) & (keys.length - 1);
                    while (keys[slot] != null) {
                        slot = (slot + 1) & (keys.length - 1);
                    }
                    keys[slot] = old[i];
                    ids[slot] = oldIds[i];
                }
            }
        }
    }

    /**
     * An ArrayExample filled in feature-name order by the caller. Tribuo's {@code add} re-sorts the
     * whole example after every feature and its array constructor copies and argsorts; a row whose
     * features already come in order needs neither.
     */
    static final class SortedExample extends ArrayExample<Label> {
        private static final long serialVersionUID = 1L;

        SortedExample(Label output, int capacity) {
            super(output, 1.0f, capacity);
        }

        void append(String name, double value) {
            featureNames[size] = name;
            featureValues[size++] = value;
        }
    }

    /**
     * The dataset from the table: rows as ArrayExamples filled in feature-name order, the feature
     * map from column statistics, no per-value observation.
     */
    static ImmutableDataset<Label> dataset(Table t, FeatureEncoder enc) {
        List<FeatureEncoder.Column> cols = enc.columns();
        int k = cols.size();
        // every (column, code) -> feature name; columns visited in the order their names sort
        String[][] codeNames = new String[k][];
        String[] sortKey = new String[k];
        MutableFeatureMap fm = new MutableFeatureMap();
        for (int c = 0; c < k; c++) {
            FeatureEncoder.Column col = cols.get(c);
            if (t.codes()[c] != null) {
                List<String> d = t.dicts().get(c);
                codeNames[c] = new String[d.size()];
                int[] counts = new int[d.size()];
                for (int code : t.codes()[c]) {
                    counts[code]++;
                }
                for (int i = 0; i < d.size(); i++) {
                    codeNames[c][i] = col.name() + "=" + d.get(i);
                    fm.put(new RealInfo(codeNames[c][i], counts[i], 1.0, 1.0, 1.0, 0.0));
                }
                sortKey[c] = col.name() + "=";
            } else {
                double[] v = t.values()[c];
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                double mean = 0;
                double m2 = 0;
                for (int i = 0; i < v.length; i++) {
                    double x = v[i];
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                    double delta = x - mean;
                    mean += delta / (i + 1);
                    m2 += delta * (x - mean);
                }
                fm.put(new RealInfo(col.name(), v.length, max, min, mean, m2));
                sortKey[c] = col.name();
            }
        }
        // Sound for names without '=' inside: a category's "col=value" sorts where "col=" does.
        Integer[] boxed = new Integer[k];
        for (int c = 0; c < k; c++) {
            boxed[c] = c;
        }
        Arrays.sort(boxed, (a, b2) -> sortKey[a].compareTo(sortKey[b2]));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        LabelFactory factory = new LabelFactory();
        Label[] labels = new Label[t.labelDict().size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = new Label(t.labelDict().get(i));
        }
        var info = factory.generateInfo();
        List<Example<Label>> examples = new ArrayList<>(t.rows());
        for (int r = 0; r < t.rows(); r++) {
            Label y = labels[t.labelCodes()[r]];
            info.observe(y);
            SortedExample ex = new SortedExample(y, k);
            for (int j = 0; j < k; j++) {
                int c = order[j];
                if (codeNames[c] != null) {
                    ex.append(codeNames[c][t.codes()[c][r]], 1.0);
                } else {
                    ex.append(cols.get(c).name(), t.values()[c][r]);
                }
            }
            examples.add(ex);
        }
        ImmutableFeatureMap ifm = new ImmutableFeatureMap(fm);
        return new ImmutableDataset<>(new SimpleDataSourceProvenance("fastload", factory), factory, org.tribuo.Tribuo.VERSION,
                ifm, info.generateImmutableOutputInfo(), examples, false) {
            private static final long serialVersionUID = 1L;
        };
    }
}
