package io.mlgate.core.data;

/**
 * Input data cannot be read as the contract says (malformed CSV, missing file, missing column).
 * The message names the file, the line and, where known, the column, and what to do.
 * The CLI maps it to exit code 5.
 */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
