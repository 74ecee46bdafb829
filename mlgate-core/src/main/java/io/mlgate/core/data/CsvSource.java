package io.mlgate.core.data;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Streams a CSV file with a header row (RFC 4180, via FastCSV) in constant memory. Every
 * structural problem (wrong field count, an unbalanced quote, an empty file) becomes a
 * {@link DataException} that names the file and line.
 */
public final class CsvSource implements Closeable, Iterator<CsvRow> {
    private final Path file;
    private final CsvReader<CsvRecord> reader;
    private final Iterator<CsvRecord> records;
    private final List<String> header;
    private final Map<String, Integer> index = new HashMap<>();
    private long rowNumber;
    private CsvRow next;

    private CsvSource(Path file) {
        this.file = file;
        try {
            this.reader = CsvReader.builder()
                    .skipEmptyLines(true)
                    .ignoreDifferentFieldCount(true)
                    .acceptCharsAfterQuotes(false)
                    .detectBomHeader(true)
                    .ofCsvRecord(file);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found; check the path in mlgate.yaml (data:) or on the command line");
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
        this.records = reader.iterator();
        CsvRecord first = read();
        if (first == null) {
            close();
            throw new DataException(file + ":1: the file is empty; a CSV with a header row is expected");
        }
        this.header = List.copyOf(first.getFields().stream().map(String::trim).toList());
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                close();
                throw new DataException(file + ":1: column " + (i + 1) + " of the header has no name; every column needs a name");
            }
            if (index.putIfAbsent(name, i) != null) {
                close();
                throw new DataException(file + ":1: column '" + name + "' appears twice in the header (columns " + (index.get(name) + 1) + " and " + (i + 1) + ")");
            }
        }
    }

    /** Opens a CSV file and reads its header. */
    public static CsvSource open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": file not found; check the path in mlgate.yaml (data:) or on the command line");
        }
        return new CsvSource(file);
    }

    public Path file() {
        return file;
    }

    /** The column names of the header, in file order. */
    public List<String> header() {
        return header;
    }

    /** The index of a column, or -1 when the header has no such column. */
    public int columnIndex(String name) {
        return index.getOrDefault(name, -1);
    }

    /** The index of a column that must exist; a clear {@link DataException} otherwise. */
    public int requireColumn(String name, String role) {
        int i = columnIndex(name);
        if (i < 0) {
            throw new DataException(file + ":1: " + role + " column '" + name + "' is missing; the header has " + header);
        }
        return i;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = readRow();
        }
        return next != null;
    }

    @Override
    public CsvRow next() {
        if (!hasNext()) {
            throw new java.util.NoSuchElementException("no more rows in " + file);
        }
        CsvRow row = next;
        next = null;
        return row;
    }

    private CsvRow readRow() {
        CsvRecord record = read();
        if (record == null) {
            return null;
        }
        rowNumber++;
        int count = record.getFieldCount();
        if (count != header.size()) {
            boolean multiLine = record.getFields().stream().anyMatch(f -> f.indexOf('\n') >= 0);
            throw new DataException(file + ":" + record.getStartingLineNumber() + ": expected " + header.size()
                    + " fields as in the header but found " + count
                    + (multiLine ? "; a quote opened on this line is not closed (unbalanced quote)"
                            : "; check for a missing or extra separator or an unquoted comma"));
        }
        if (!moreRecords()) {
            for (String field : record.getFields()) {
                if (field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
                    throw new DataException(file + ":" + record.getStartingLineNumber()
                            + ": a quote opened on this line is never closed (unbalanced quote); close the quoted field");
                }
            }
        }
        String[] fields = new String[count];
        for (int i = 0; i < count; i++) {
            fields[i] = record.getField(i);
        }
        return new CsvRow(rowNumber, record.getStartingLineNumber(), fields);
    }

    private CsvRecord read() {
        return moreRecords() ? translate(records::next) : null;
    }

    private boolean moreRecords() {
        return translate(records::hasNext);
    }

    private <T> T translate(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (CsvParseException e) {
            String detail = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "";
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("line (\\d+)").matcher(String.valueOf(e.getMessage()));
            String where = line.find() ? ":" + line.group(1) : "";
            throw new DataException(file + where + ": malformed CSV: " + detail + "; check the quoting on that line", e);
        } catch (UncheckedIOException e) {
            throw new DataException(file + ": cannot read: " + e.getCause().getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file + " " + Arrays.toString(header.toArray());
    }
}
