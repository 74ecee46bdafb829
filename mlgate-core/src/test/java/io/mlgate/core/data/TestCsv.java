package io.mlgate.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

/**
 * Test fixtures: the shipped example CSVs and small rewrites of them. The examples have no
 * commas inside quoted fields, so splitting a line on commas is exact for them.
 */
final class TestCsv {
    private TestCsv() {
    }

    static Path resource(String name) {
        try {
            return Path.of(TestCsv.class.getResource("/data/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path file, String... lines) {
        try {
            Files.writeString(file, String.join("\n", lines) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the header and the data rows (0-based) the predicate keeps. */
    static Path rows(Path source, Path target, IntPredicate keep) {
        List<String> in = lines(source);
        List<String> out = new ArrayList<>();
        out.add(in.get(0));
        for (int i = 1; i < in.size(); i++) {
            if (keep.test(i - 1)) {
                out.add(in.get(i));
            }
        }
        return write(target, out.toArray(new String[0]));
    }

    /** Rewrites the cells of some columns; the function gets and returns the raw (quoted) cell. */
    static Path mapColumns(Path source, Path target, java.util.Map<String, UnaryOperator<String>> changes) {
        List<String> in = lines(source);
        List<String> header = Arrays.stream(in.get(0).split(",", -1)).map(h -> h.replace("\"", "")).toList();
        List<String> out = new ArrayList<>();
        out.add(in.get(0));
        for (int i = 1; i < in.size(); i++) {
            String[] cells = in.get(i).split(",", -1);
            for (var change : changes.entrySet()) {
                int c = header.indexOf(change.getKey());
                cells[c] = change.getValue().apply(cells[c]);
            }
            out.add(String.join(",", cells));
        }
        return write(target, out.toArray(new String[0]));
    }

    /** Drops one column. */
    static Path dropColumn(Path source, Path target, String column) {
        List<String> in = lines(source);
        List<String> header = Arrays.stream(in.get(0).split(",", -1)).map(h -> h.replace("\"", "")).toList();
        int c = header.indexOf(column);
        List<String> out = new ArrayList<>();
        for (String line : in) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            cells.remove(c);
            out.add(String.join(",", cells));
        }
        return write(target, out.toArray(new String[0]));
    }
}
