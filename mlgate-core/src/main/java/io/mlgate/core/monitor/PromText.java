package io.mlgate.core.monitor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of the Prometheus text exposition format (version 0.0.4), as {@code /metrics} of
 * {@code mlgate serve} writes it: {@code name{label="value",...} value [timestamp]} lines,
 * {@code #} comments skipped. Label values may hold the escapes {@code \\}, {@code \"} and
 * {@code \n}. (client_java 1.x has writers only, no parser.)
 */
public final class PromText {
    private PromText() {
    }

    /** One sample: a metric name (with its {@code _bucket}/{@code _count}/... suffix), its labels, its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
        public Sample {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }

        public String label(String key) {
            return labels.get(key);
        }
    }

    /**
     * Parses a whole exposition.
     *
     * @throws IllegalArgumentException naming the line that is not a sample
     */
    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                samples.add(parseLine(line));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the metrics is not a Prometheus sample ("
                        + e.getMessage() + "): " + (line.length() > 120 ? line.substring(0, 117) + "..." : line), e);
            }
        }
        return samples;
    }

    private static Sample parseLine(String line) {
        int p = 0;
        while (p < line.length() && line.charAt(p) != '{' && !Character.isWhitespace(line.charAt(p))) {
            p++;
        }
        String name = line.substring(0, p);
        if (name.isEmpty()) {
            throw new IllegalArgumentException("no metric name");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (p < line.length() && line.charAt(p) == '{') {
            p++;
            while (true) {
                while (p < line.length() && (line.charAt(p) == ',' || line.charAt(p) == ' ')) {
                    p++;
                }
                if (p >= line.length()) {
                    throw new IllegalArgumentException("unterminated labels");
                }
                if (line.charAt(p) == '}') {
                    p++;
                    break;
                }
                int eq = line.indexOf('=', p);
                if (eq < 0 || eq + 1 >= line.length() || line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("a label needs name=\"value\"");
                }
                String key = line.substring(p, eq).strip();
                StringBuilder value = new StringBuilder();
                int q = eq + 2;
                while (true) {
                    if (q >= line.length()) {
                        throw new IllegalArgumentException("unterminated label value of " + key);
                    }
                    char ch = line.charAt(q);
                    if (ch == '\\' && q + 1 < line.length()) {
                        char next = line.charAt(q + 1);
                        value.append(next == 'n' ? '\n' : next);
                        q += 2;
                    } else if (ch == '"') {
                        q++;
                        break;
                    } else {
                        value.append(ch);
                        q++;
                    }
                }
                labels.put(key, value.toString());
                p = q;
            }
        }
        String[] rest = line.substring(p).strip().split("\\s+");
        if (rest.length == 0 || rest[0].isEmpty()) {
            throw new IllegalArgumentException("no value");
        }
        return new Sample(name, labels, parseValue(rest[0]));
    }

    /** A sample value: a number, {@code NaN}, {@code +Inf} or {@code -Inf}. */
    static double parseValue(String v) {
        return switch (v) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(v);
        };
    }
}
