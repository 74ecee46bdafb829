package io.mlgate.core.train;

import io.mlgate.core.config.Task;
import io.mlgate.core.data.CsvSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fast path of {@link DatasetLoader#read}: the CSV is streamed as bytes through a buffer,
 * numbers are parsed from the bytes and categories looked up by their bytes, so no String is
 * made per cell. It produces exactly the {@link RawTable} the {@link CsvSource} path produces,
 * and it only vouches for the plain case: on anything else (a quote inside a field, an escaped
 * quote, a line break inside quotes, a lone CR, a wrong field count, a cell the file cannot be
 * trained on, a byte sequence that is not UTF-8, a header it reads differently) it returns null
 * and the caller re-reads the file with {@link CsvSource}, which gives the exact file:line
 * message. Errors are therefore never reported from here.
 */
final class CsvBytes {
    private static final int BUFFER = 1 << 20;
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT = 1L << 53;

    /** Thrown inside the parser to give up; never escapes this class. */
    private static final class GiveUp extends Exception {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    private static final GiveUp GIVE_UP = new GiveUp();

    private final FeatureEncoder.Kind[] kinds;
    private final boolean[] imputable;
    /** per file column: feature column index, {@code k} for the label, -1 to skip. */
    private final int[] role;
    private final int k;
    private final int width;
    private final boolean classification;
    private final Dict[] dicts;
    private final Dict labelDict;
    private double[][] values;
    private int[][] codes;
    private int[] labelCodes;
    private double[] targets;
    private int capacity = 1024;
    private int n;

    private CsvBytes(FeatureEncoder enc, int[] index, int labelIndex, int width, boolean classification) {
        List<FeatureEncoder.Column> cols = enc.columns();
        this.k = cols.size();
        this.width = width;
        this.classification = classification;
        this.kinds = new FeatureEncoder.Kind[k];
        this.imputable = new boolean[k];
        this.role = new int[width];
        Arrays.fill(role, -1);
        this.values = new double[k][];
        this.codes = new int[k][];
        this.dicts = new Dict[k];
        for (int c = 0; c < k; c++) {
            kinds[c] = cols.get(c).kind();
            imputable[c] = cols.get(c).impute() != null;
            role[index[c]] = c;
            if (kinds[c] == FeatureEncoder.Kind.CATEGORY) {
                codes[c] = new int[capacity];
                dicts[c] = new Dict();
            } else {
                values[c] = new double[capacity];
            }
        }
        if (labelIndex >= 0) {
            role[labelIndex] = k;
        }
        this.labelDict = labelIndex >= 0 && classification ? new Dict() : null;
        this.labelCodes = labelDict != null ? new int[capacity] : null;
        this.targets = labelIndex >= 0 && !classification ? new double[capacity] : null;
    }

    /**
     * Reads the file, or returns null when the {@link CsvSource} path must (errors included).
     * Header problems (missing columns, duplicates, an empty file) are thrown here exactly as
     * the slow path throws them, because the header is checked by {@link CsvSource} first.
     */
    static RawTable read(Path csv, FeatureEncoder enc, String label, Task task, boolean requireLabel) {
        List<FeatureEncoder.Column> cols = enc.columns();
        int[] index = new int[cols.size()];
        int labelIndex;
        List<String> header;
        try (CsvSource source = CsvSource.open(csv)) {
            for (int c = 0; c < cols.size(); c++) {
                index[c] = source.requireColumn(cols.get(c).name(), "feature");
            }
            labelIndex = requireLabel ? source.requireColumn(label, "label") : (label == null ? -1 : source.columnIndex(label));
            header = source.header();
        }
        for (int c = 0; c < index.length; c++) {
            if (index[c] == labelIndex) {
                return null; // a feature that is also the label: leave the oddity to the slow path
            }
            for (int d = 0; d < c; d++) {
                if (index[d] == index[c]) {
                    return null;
                }
            }
        }
        CsvBytes parser = new CsvBytes(enc, index, labelIndex, header.size(), task == Task.CLASSIFICATION);
        try (InputStream in = Files.newInputStream(csv)) {
            return parser.parse(in, header, csv);
        } catch (GiveUp | IOException e) {
            return null;
        }
    }

    private RawTable parse(InputStream in, List<String> header, Path csv) throws IOException, GiveUp {
        byte[] buf = new byte[BUFFER];
        int start = 0;
        int end = 0;
        boolean eof = false;
        boolean headerDone = false;
        while (true) {
            // the complete lines in the buffer end at its last LF (all of it at the end of the file)
            int limit = end;
            if (!eof) {
                while (limit > start && buf[limit - 1] != '\n') {
                    limit--;
                }
            }
            if (limit > start) {
                int pos = start;
                if (!headerDone) {
                    int nl = pos;
                    while (nl < limit && buf[nl] != '\n') {
                        nl++;
                    }
                    header(buf, pos, nl > pos && buf[nl - 1] == '\r' ? nl - 1 : nl, header);
                    headerDone = true;
                    pos = Math.min(nl + 1, limit);
                }
                while (pos < limit) {
                    pos = line(buf, pos, limit);
                }
                start = limit;
            }
            if (eof) {
                break;
            }
            // keep the partial line, refill behind it
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else if (end == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int read = in.read(buf, end, buf.length - end);
            if (read < 0) {
                eof = true;
            } else {
                end += read;
            }
        }
        if (!headerDone || n == 0) {
            throw GIVE_UP; // the slow path words "no data rows" and friends
        }
        List<List<String>> dictionaries = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            if (codes[c] != null) {
                codes[c] = Arrays.copyOf(codes[c], n);
                dictionaries.add(dicts[c].values);
            } else {
                values[c] = Arrays.copyOf(values[c], n);
                dictionaries.add(new ArrayList<>());
            }
        }
        String[] labels = null;
        if (labelCodes != null) {
            labels = new String[n];
            for (int i = 0; i < n; i++) {
                labels[i] = labelDict.values.get(labelCodes[i]);
            }
        }
        return new RawTable(csv, n, values, codes, dictionaries, labels, targets == null ? null : Arrays.copyOf(targets, n));
    }

    /**
     * One data line starting at {@code from}, whose LF (if any) lies before {@code limit};
     * returns where the next line starts. Fields end at a comma or the line end (LF, CRLF, or the
     * end of the file); a CR anywhere else, or a quote that is not a whole field's, gives up.
     */
    private int line(byte[] b, int from, int limit) throws GiveUp {
        int pos = from;
        // FastCSV skips empty lines
        if (b[pos] == '\n') {
            return pos + 1;
        }
        if (b[pos] == '\r' && (pos + 1 == limit || b[pos + 1] == '\n')) {
            return Math.min(pos + 2, limit);
        }
        if (n == capacity) {
            grow();
        }
        for (int i = 0; i < width; i++) {
            int s;
            int e;
            if (pos < limit && b[pos] == '"') {
                s = pos + 1;
                e = s;
                byte x;
                while (e < limit && (x = b[e]) != '"') {
                    if (x == '\n' || x == '\r') {
                        throw GIVE_UP; // a line break inside quotes
                    }
                    e++;
                }
                if (e == limit) {
                    throw GIVE_UP; // unbalanced
                }
                pos = e + 1;
            } else {
                s = pos;
                e = pos;
                byte x;
                while (e < limit && (x = b[e]) != ',' && x != '\n') {
                    if (x == '"' || x == '\r') {
                        break;
                    }
                    e++;
                }
                pos = e;
            }
            // pos is at the separator or the line end: ',' LF, CRLF, a final CR, or the end of the file
            boolean lineEnd;
            if (pos == limit) {
                lineEnd = true;
            } else {
                byte x = b[pos];
                if (x == ',') {
                    lineEnd = false;
                } else if (x == '\n') {
                    lineEnd = true;
                } else if (x == '\r' && (pos + 1 == limit || b[pos + 1] == '\n')) {
                    lineEnd = true;
                    pos++;
                } else {
                    throw GIVE_UP; // a quote inside a field, chars after a closing quote, a lone CR
                }
            }
            if (lineEnd != (i == width - 1)) {
                throw GIVE_UP; // too few or too many fields
            }
            pos++;
            int r = role[i];
            if (r >= 0) {
                cell(r, b, s, e);
            }
        }
        n++;
        return Math.min(pos, limit);
    }

    private void header(byte[] b, int from, int end, List<String> header) throws GiveUp {
        int pos = from;
        if (end - pos >= 3 && b[pos] == (byte) 0xEF && b[pos + 1] == (byte) 0xBB && b[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
        List<String> names = new ArrayList<>();
        while (true) {
            int s;
            int e;
            if (pos < end && b[pos] == '"') {
                s = pos + 1;
                e = s;
                while (e < end && b[e] != '"') {
                    e++;
                }
                if (e == end) {
                    throw GIVE_UP;
                }
                pos = e + 1;
            } else {
                s = pos;
                e = pos;
                while (e < end && b[e] != ',') {
                    if (b[e] == '"' || b[e] == '\r') {
                        throw GIVE_UP;
                    }
                    e++;
                }
                pos = e;
            }
            names.add(decode(b, s, e).trim());
            if (pos == end) {
                break;
            }
            if (b[pos] != ',') {
                throw GIVE_UP;
            }
            pos++;
        }
        if (!names.equals(header)) {
            throw GIVE_UP;
        }
    }

    private void grow() {
        capacity *= 2;
        for (int c = 0; c < k; c++) {
            if (codes[c] != null) {
                codes[c] = Arrays.copyOf(codes[c], capacity);
            } else {
                values[c] = Arrays.copyOf(values[c], capacity);
            }
        }
        labelCodes = labelCodes == null ? null : Arrays.copyOf(labelCodes, capacity);
        targets = targets == null ? null : Arrays.copyOf(targets, capacity);
    }

    /** One cell of a used column, with the slow path's rules (see DatasetLoader.readWithCsvSource). */
    private void cell(int r, byte[] b, int s, int e) throws GiveUp {
        if (r == k) {
            if (blank(b, s, e)) {
                throw GIVE_UP; // an empty label: the slow path names the line
            }
            if (labelDict != null) {
                labelCodes[n] = labelDict.code(b, s, e);
            } else {
                targets[n] = number(b, s, e, FeatureEncoder.Kind.NUMERIC);
            }
            return;
        }
        boolean empty = blank(b, s, e);
        if (empty && !imputable[r]) {
            throw GIVE_UP;
        }
        if (codes[r] != null) {
            codes[r][n] = empty ? -1 : dicts[r].code(b, s, e);
        } else {
            values[r][n] = empty ? Double.NaN : number(b, s, e, kinds[r]);
        }
    }

    /** {@code cell.isEmpty() || cell.isBlank()} on the cell's bytes. */
    private static boolean blank(byte[] b, int s, int e) throws GiveUp {
        for (int i = s; i < e; i++) {
            int x = b[i] & 0xFF;
            if (x >= 0x80) {
                return decode(b, s, e).isBlank();
            }
            if (!Character.isWhitespace(x)) {
                return false;
            }
        }
        return true;
    }

    /** A present numeric or boolean cell, as {@code FeatureEncoder.parseNumber(cell.trim(), kind)}. */
    private static double number(byte[] b, int s, int e, FeatureEncoder.Kind kind) throws GiveUp {
        double v = kind == FeatureEncoder.Kind.NUMERIC ? decimal(b, s, e) : Double.NaN;
        if (v != v) {
            v = FeatureEncoder.parseNumber(decode(b, s, e).trim(), kind);
            if (v != v) {
                throw GIVE_UP; // not a number: the slow path names the line
            }
        }
        return v;
    }

    /**
     * A plain decimal ({@code -12}, {@code 3.5}, {@code .5}, {@code 1e-3}) whose value is exact:
     * at most 2^53 as an integer mantissa and a power of ten within 10^22, so one IEEE multiply
     * or divide gives the correctly rounded result, i.e. what {@link Double#parseDouble} gives.
     * NaN for anything else (the caller then takes the String path).
     */
    static double decimal(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            mantissa = mantissa * 10 + (b[i] - '0');
            digits++;
            i++;
        }
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                mantissa = mantissa * 10 + (b[i] - '0');
                digits++;
                exponent--;
                i++;
            }
        }
        if (digits == 0 || digits > 17) {
            return Double.NaN; // no digits, or a mantissa that may not fit
        }
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int x = 0;
            int expDigits = 0;
            while (i < e && b[i] >= '0' && b[i] <= '9' && expDigits < 4) {
                x = x * 10 + (b[i] - '0');
                expDigits++;
                i++;
            }
            if (expDigits == 0) {
                return Double.NaN;
            }
            exponent += negativeExponent ? -x : x;
        }
        if (i != e || mantissa > MAX_EXACT || exponent < -22 || exponent > 22) {
            return Double.NaN;
        }
        double v = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
        return negative ? -v : v;
    }

    /** Strict UTF-8; bytes that are not UTF-8 are left to FastCSV's decoder in the slow path. */
    private static String decode(byte[] b, int s, int e) throws GiveUp {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, s, e - s)).toString();
        } catch (CharacterCodingException ex) {
            throw GIVE_UP;
        }
    }

    /** Byte slice to dictionary code (first-seen order), open addressing; a String once per distinct value. */
    private static final class Dict {
        private byte[][] keys = new byte[64][];
        private int[] hashes = new int[64];
        private int[] ids = new int[64];
        final List<String> values = new ArrayList<>();

        int code(byte[] b, int from, int to) throws GiveUp {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            int mask = keys.length - 1;
            int slot = (h ^ (h >>> 16)) & mask;
            byte[] key;
            while ((key = keys[slot]) != null) {
                if (hashes[slot] == h && Arrays.equals(key, 0, key.length, b, from, to)) {
                    return ids[slot];
                }
                slot = (slot + 1) & mask;
            }
            String value = decode(b, from, to);
            keys[slot] = Arrays.copyOfRange(b, from, to);
            hashes[slot] = h;
            ids[slot] = values.size();
            values.add(value);
            if (values.size() * 2 > keys.length) {
                rehash();
            }
            return values.size() - 1;
        }

        private void rehash() {
            byte[][] oldKeys = keys;
            int[] oldHashes = hashes;
            int[] oldIds = ids;
            keys = new byte[oldKeys.length * 2][];
            hashes = new int[keys.length];
            ids = new int[keys.length];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int h = oldHashes[i];
                    int slot = (h ^ (h >>> 16)) & mask;
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    hashes[slot] = h;
                    ids[slot] = oldIds[i];
                }
            }
        }
    }
}
