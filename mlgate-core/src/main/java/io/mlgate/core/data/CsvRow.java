package io.mlgate.core.data;

/**
 * One data row of a CSV file.
 *
 * @param row    1-based data row number (the header is row 0)
 * @param line   1-based line number in the file where the row starts
 * @param fields the raw cells, as many as the header has columns
 */
public record CsvRow(long row, long line, String[] fields) {

    /** The cell at a column index; empty string for an empty cell. */
    public String get(int column) {
        return fields[column];
    }
}
