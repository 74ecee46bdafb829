package io.mlgate.core.train;

import java.nio.file.Path;
import java.util.List;

/**
 * The feature columns of a CSV parsed once into primitive arrays (numbers as doubles with NaN for
 * an empty cell, categories as dictionary codes with -1 for an empty cell), plus the label. Kept
 * in memory so that fitting the encoder and building datasets for several candidates and folds
 * never re-parses text.
 */
final class RawTable {
    private final Path file;
    private final int rows;
    private final double[][] values;
    private final int[][] codes;
    private final List<List<String>> dictionaries;
    private final String[] labels;
    private final double[] targets;

    RawTable(Path file, int rows, double[][] values, int[][] codes, List<List<String>> dictionaries, String[] labels, double[] targets) {
        this.file = file;
        this.rows = rows;
        this.values = values;
        this.codes = codes;
        this.dictionaries = dictionaries;
        this.labels = labels;
        this.targets = targets;
    }

    Path file() {
        return file;
    }

    int rows() {
        return rows;
    }

    /** Numeric cells of a numeric/bool column (NaN = empty). */
    double[] values(int column) {
        return values[column];
    }

    /** Dictionary codes of a category column (-1 = empty). */
    int[] codes(int column) {
        return codes[column];
    }

    /** The distinct values of a category column in first-seen order. */
    List<String> dictionary(int column) {
        return dictionaries.get(column);
    }

    /** Class labels exactly as written (classification), or null. */
    String[] labels() {
        return labels;
    }

    /** Regression targets, or null. */
    double[] targets() {
        return targets;
    }

    /**
     * A view with one column's values moved between rows: row {@code rows[i]} gets the value of row
     * {@code rows[permutation[i]]}; every other column, and the labels, are shared.
     */
    RawTable withColumnPermuted(int column, int[] rows, int[] permutation) {
        double[][] v = values.clone();
        int[][] k = codes.clone();
        if (codes[column] != null) {
            int[] copy = codes[column].clone();
            for (int i = 0; i < rows.length; i++) {
                copy[rows[i]] = codes[column][rows[permutation[i]]];
            }
            k[column] = copy;
        } else {
            double[] copy = values[column].clone();
            for (int i = 0; i < rows.length; i++) {
                copy[rows[i]] = values[column][rows[permutation[i]]];
            }
            v[column] = copy;
        }
        return new RawTable(file, rows(), v, k, dictionaries, labels, targets);
    }
}
