package io.mlgate.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Small text formats for the terminal. */
final class Formats {
    private Formats() {
    }

    static String metrics(Map<String, Double> metrics) {
        return metrics.entrySet().stream().limit(4)
                .map(e -> e.getKey() + "=" + String.format(Locale.ROOT, "%.4f", e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
