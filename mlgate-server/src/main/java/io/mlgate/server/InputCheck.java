package io.mlgate.server;

import io.mlgate.core.train.FeatureEncoder;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks one request row against what a model's encoder needs, before it reaches the model, so
 * a bad value is a 400 naming {@code rows[i].column} rather than an error deep in the model.
 * Mirrors the encoder's rules: numbers must parse, booleans are true/false, yes/no, 1/0 (any
 * case), and an empty or missing cell is allowed only when training stored an impute value.
 */
final class InputCheck {
    private final String[] names;
    private final FeatureEncoder.Kind[] kinds;
    private final boolean[] required;

    InputCheck(FeatureEncoder encoder) {
        List<FeatureEncoder.Column> columns = encoder.columns();
        names = new String[columns.size()];
        kinds = new FeatureEncoder.Kind[columns.size()];
        required = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            FeatureEncoder.Column c = columns.get(i);
            names[i] = c.name();
            kinds[i] = c.kind();
            required[i] = c.kind() == FeatureEncoder.Kind.CATEGORY ? c.fillCategory() == null : c.fill() == null;
        }
    }

    /**
     * Throws a 400 naming {@code rowField.column} for the first cell the model cannot take.
     *
     * @param rowField how the request names the row, e.g. {@code rows[2]}
     */
    void check(Map<String, String> row, String rowField) {
        for (int i = 0; i < names.length; i++) {
            String cell = row.get(names[i]);
            if (cell == null || cell.isBlank()) {
                if (required[i]) {
                    throw ServerException.badRequest(field(rowField, names[i]), field(rowField, names[i]) + " is "
                            + (cell == null ? "missing" : "empty") + "; the model needs a value (training stored no impute rule for it)");
                }
                continue;
            }
            switch (kinds[i]) {
                case NUMERIC -> {
                    if (!isNumber(cell)) {
                        throw ServerException.badRequest(field(rowField, names[i]), field(rowField, names[i]) + " is '" + shorten(cell)
                                + "', which is not a number");
                    }
                }
                case BOOL -> {
                    if (!isBool(cell)) {
                        throw ServerException.badRequest(field(rowField, names[i]), field(rowField, names[i]) + " is '" + shorten(cell)
                                + "', which is not a boolean (true/false, yes/no, 1/0)");
                    }
                }
                case CATEGORY -> {
                    // any text: a category not seen in training encodes as all zeros
                }
            }
        }
    }

    static String field(String rowField, String column) {
        return rowField + "." + column;
    }

    static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private static boolean isNumber(String cell) {
        try {
            double v = Double.parseDouble(cell.strip());
            return !Double.isNaN(v) && !Double.isInfinite(v);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isBool(String cell) {
        return switch (cell.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "t", "1", "1.0", "false", "no", "n", "f", "0", "0.0" -> true;
            default -> false;
        };
    }
}
