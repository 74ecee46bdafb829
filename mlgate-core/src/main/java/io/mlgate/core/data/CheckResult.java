package io.mlgate.core.data;

import io.mlgate.core.gate.GateStatus;
import java.util.List;

/**
 * The result of one validation check, for one column or for the whole file.
 *
 * @param check      {@code columns.missing}, {@code columns.unexpected}, {@code type}, {@code nulls},
 *                   {@code range}, {@code domain}, {@code duplicates} or {@code min_rows}
 * @param column     the column checked, or null for a file-level result (also every passed check)
 * @param status     the verdict
 * @param violations how many cells, rows or columns offend
 * @param message    one line saying what was found
 * @param worst      up to five offending cells: the first ones, or for range the farthest out
 */
public record CheckResult(String check, String column, GateStatus status, long violations, String message,
        List<Offender> worst) {
    public static final String COLUMNS_MISSING = "columns.missing";
    public static final String COLUMNS_UNEXPECTED = "columns.unexpected";
    public static final String TYPE = "type";
    public static final String NULLS = "nulls";
    public static final String RANGE = "range";
    public static final String DOMAIN = "domain";
    public static final String DUPLICATES = "duplicates";
    public static final String MIN_ROWS = "min_rows";

    public CheckResult {
        worst = worst == null ? List.of() : List.copyOf(worst);
    }

    /** The pinned one-line message, e.g. {@code [validate - range - int_rate]: FAILED - ...}. */
    public String line() {
        return "[validate - " + check + (column != null ? " - " + column : "") + "]: " + status + " - " + message;
    }
}
