package io.mlgate.core.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.data.DataException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a prediction log directory written by {@code mlgate serve --prediction-log DIR}: the
 * rotated files oldest first, then the current one. A line that is not a complete log row (the
 * server was killed mid-write) is skipped and counted, not fatal.
 */
public final class PredictionLogReader {
    private static final Pattern FILE = Pattern.compile(Pattern.quote(LoggedPrediction.FILE) + "(?:\\.(\\d+))?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PredictionLogReader() {
    }

    /**
     * The rows of a log and how many lines were unreadable.
     *
     * @param files the files read, oldest first
     */
    public record Contents(List<LoggedPrediction> rows, int skippedLines, List<Path> files) {
    }

    /** The log files of {@code dir}, oldest first. */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataException("prediction log " + dir + " is not a directory; pass the --prediction-log DIR the server writes to");
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> FILE.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(PredictionLogReader::age).reversed()).toList();
        } catch (IOException e) {
            throw new DataException("cannot list the prediction log " + dir + ": " + e.getMessage(), e);
        }
    }

    private static int age(Path file) {
        Matcher m = FILE.matcher(file.getFileName().toString());
        return m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 0;
    }

    public static Contents read(Path dir) {
        List<Path> files = files(dir);
        List<LoggedPrediction> rows = new ArrayList<>();
        int skipped = 0;
        for (Path file : files) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    LoggedPrediction p = parse(line);
                    if (p == null) {
                        skipped++;
                    } else {
                        rows.add(p);
                    }
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // rotated away between listing and reading; its rows are in the next file name now
            } catch (IOException e) {
                throw new DataException("cannot read the prediction log " + file + ": " + e.getMessage(), e);
            }
        }
        return new Contents(rows, skipped, files);
    }

    /** One log line, or null when it is not a complete row. */
    static LoggedPrediction parse(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.isObject() || !n.hasNonNull(LoggedPrediction.REQUEST_ID) || !n.has(LoggedPrediction.PREDICTION)) {
                return null;
            }
            Map<String, String> inputs = new LinkedHashMap<>();
            n.path(LoggedPrediction.INPUTS).properties().forEach(e -> inputs.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
            Map<String, Double> probabilities = new LinkedHashMap<>();
            n.path(LoggedPrediction.PROBABILITIES).properties().forEach(e -> probabilities.put(e.getKey(), e.getValue().asDouble()));
            JsonNode time = n.path(LoggedPrediction.TIME);
            return new LoggedPrediction(n.get(LoggedPrediction.REQUEST_ID).asText(), n.path(LoggedPrediction.ROW).asInt(0),
                    n.path(LoggedPrediction.ROWS).asInt(1), time.isTextual() ? Instant.parse(time.asText()) : null,
                    n.path(LoggedPrediction.MODEL).asText(null), n.path(LoggedPrediction.VERSION).asText(null), inputs,
                    n.get(LoggedPrediction.PREDICTION).asText(), n.hasNonNull(LoggedPrediction.SCORE) ? n.get(LoggedPrediction.SCORE).asDouble() : null,
                    probabilities);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
