package io.mlgate.core.data;

/**
 * One offending cell of a failed check.
 *
 * @param row    1-based data row number (the header is row 0)
 * @param line   1-based line of the file where the row starts
 * @param column the column (several joined by "," for a key)
 * @param value  the cell as written
 */
public record Offender(long row, long line, String column, String value) {
}
