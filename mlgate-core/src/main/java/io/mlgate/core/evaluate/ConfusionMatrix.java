package io.mlgate.core.evaluate;

import java.util.List;

/**
 * Counts of actual (rows) versus predicted (columns) classes.
 *
 * @param labels   the classes, sorted; index of both axes
 * @param counts   {@code counts[actual][predicted]}
 * @param positive the positive class of a binary problem, else null
 */
public record ConfusionMatrix(List<String> labels, long[][] counts, String positive) {

    public ConfusionMatrix {
        labels = List.copyOf(labels);
    }

    /** Rows whose actual class is {@code actual} and predicted class is {@code predicted}; 0 for unknown classes. */
    public long count(String actual, String predicted) {
        int a = labels.indexOf(actual);
        int p = labels.indexOf(predicted);
        return a < 0 || p < 0 ? 0 : counts[a][p];
    }

    /** Total number of rows. */
    public long total() {
        long total = 0;
        for (long[] row : counts) {
            for (long c : row) {
                total += c;
            }
        }
        return total;
    }
}
