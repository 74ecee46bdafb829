package io.mlgate.core.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.data.CsvRow;
import io.mlgate.core.data.CsvSource;
import io.mlgate.core.data.DataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Labelled outcomes: what really happened for a prediction, keyed by its request id.
 *
 * <ul>
 *   <li>CSV with a header: an id column ({@code request_id} or {@code id}) and an outcome column
 *   ({@code actual}, {@code outcome} or the label's name, e.g. {@code Class}).</li>
 *   <li>JSON: an object of id to outcome ({@code {"7f3c…": "bad"}}), or an array of objects with
 *   those fields ({@code [{"request_id": "7f3c…", "actual": "bad"}]}).</li>
 * </ul>
 * An id given twice keeps its last outcome (a correction); empty outcomes are left out.
 */
public final class OutcomeFile {
    static final List<String> ID_COLUMNS = List.of("request_id", "id");
    static final List<String> ACTUAL_COLUMNS = List.of("actual", "outcome");

    private OutcomeFile() {
    }

    /** Id to outcome, in file order. */
    public static Map<String, String> read(Path file, String label) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("outcomes file " + file + " does not exist; pass --outcomes with a CSV or JSON file of request_id -> actual");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? readJson(file, label) : readCsv(file, label);
    }

    private static Map<String, String> readCsv(Path file, String label) {
        Map<String, String> out = new LinkedHashMap<>();
        try (CsvSource csv = CsvSource.open(file)) {
            int id = column(csv, ID_COLUMNS, null);
            int actual = column(csv, ACTUAL_COLUMNS, label);
            if (id < 0 || actual < 0) {
                throw new DataException(file + ":1: the outcomes need an id column (" + String.join(" or ", ID_COLUMNS) + ") and an outcome column ("
                        + String.join(", ", ACTUAL_COLUMNS) + (label == null ? "" : " or " + label) + "); the header has " + csv.header());
            }
            while (csv.hasNext()) {
                CsvRow row = csv.next();
                put(out, row.get(id), row.get(actual));
            }
        }
        return out;
    }

    private static int column(CsvSource csv, List<String> names, String label) {
        for (String n : names) {
            if (csv.columnIndex(n) >= 0) {
                return csv.columnIndex(n);
            }
        }
        return label == null ? -1 : csv.columnIndex(label);
    }

    private static Map<String, String> readJson(Path file, String label) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new DataException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (root != null && root.isObject()) {
            root.properties().forEach(e -> put(out, e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
            return out;
        }
        if (root == null || !root.isArray()) {
            throw new DataException(file + ": expected an object of id to outcome, or an array of {\"request_id\": ..., \"actual\": ...}");
        }
        int i = 0;
        for (JsonNode item : root) {
            JsonNode id = field(item, ID_COLUMNS, null);
            JsonNode actual = field(item, ACTUAL_COLUMNS, label);
            if (id == null || actual == null) {
                throw new DataException(file + ": item [" + i + "] needs " + String.join(" or ", ID_COLUMNS) + " and "
                        + String.join(" or ", ACTUAL_COLUMNS) + (label == null ? "" : " or " + label) + ": " + item);
            }
            put(out, id.asText(), actual.isNull() ? null : actual.asText());
            i++;
        }
        return out;
    }

    private static JsonNode field(JsonNode item, List<String> names, String label) {
        for (String n : names) {
            if (item.has(n)) {
                return item.get(n);
            }
        }
        return label != null && item.has(label) ? item.get(label) : null;
    }

    private static void put(Map<String, String> out, String id, String actual) {
        if (id == null || id.isBlank() || actual == null || actual.isBlank()) {
            return;
        }
        out.remove(id.strip());
        out.put(id.strip(), actual.strip());
    }
}
