package io.mlgate.core.monitor;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the server's prediction log ({@code predictions.jsonl}, one JSON object a line):
 *
 * <pre>
 * {"request_id":"7f3c…","row":0,"rows":1,"time":"2026-05-01T10:00:00.123Z","model":"credit-risk","version":"3",
 *  "inputs":{"int_rate":"12.9",…},"prediction":"bad","score":0.81,"probabilities":{"bad":0.81,"good":0.19}}
 * </pre>
 *
 * An outcome is joined to a row by {@link #ids()}: the request id for a one-row request, and
 * {@code <request_id>#<row>} for every row (the only form for rows of a multi-row request).
 *
 * @param requestId     the request's id ({@code X-Request-Id} when the client sent one)
 * @param row           index of the row in its request
 * @param rows          rows in the request
 * @param time          when it was answered
 * @param model         model name
 * @param version       the version that answered
 * @param inputs        the row as the server read it: column to cell text (null: empty cell)
 * @param prediction    predicted class, or the predicted value as text (regression)
 * @param score         probability of the positive class (binary classification), else null
 * @param probabilities class to probability (classification), else empty
 */
public record LoggedPrediction(String requestId, int row, int rows, Instant time, String model, String version,
                               Map<String, String> inputs, String prediction, Double score, Map<String, Double> probabilities) {

    /** Field names of a log line. */
    public static final String REQUEST_ID = "request_id";
    public static final String ROW = "row";
    public static final String ROWS = "rows";
    public static final String TIME = "time";
    public static final String MODEL = "model";
    public static final String VERSION = "version";
    public static final String INPUTS = "inputs";
    public static final String PREDICTION = "prediction";
    public static final String SCORE = "score";
    public static final String PROBABILITIES = "probabilities";
    /** The file being written; rotated files are {@code predictions.jsonl.1} (newest) to {@code .K-1} (oldest). */
    public static final String FILE = "predictions.jsonl";

    public LoggedPrediction {
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        probabilities = probabilities == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }

    /** The ids an outcome may name this row by. */
    public List<String> ids() {
        String indexed = requestId + "#" + row;
        return rows == 1 ? List.of(requestId, indexed) : List.of(indexed);
    }
}
