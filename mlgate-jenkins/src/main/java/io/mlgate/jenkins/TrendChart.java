package io.mlgate.jenkins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A small inline SVG line chart of gate metrics across builds (oldest left), self-contained and escaped. */
public final class TrendChart {
    private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b"};
    private static final int W = 480;
    private static final int H = 200;
    private static final int PAD = 32;

    /** One build's metrics and verdict. */
    public record Point(int build, String status, Map<String, Double> metrics) {
    }

    private TrendChart() {
    }

    public static String render(List<Point> points) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" role=\"img\" aria-label=\"mlgate metric trend\">");
        if (points.isEmpty()) {
            svg.append("<text x=\"10\" y=\"20\">no gate results yet</text></svg>");
            return svg.toString();
        }
        Set<String> names = new LinkedHashSet<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            for (Map.Entry<String, Double> e : p.metrics().entrySet()) {
                if (e.getValue() != null && Double.isFinite(e.getValue())) {
                    names.add(e.getKey());
                    min = Math.min(min, e.getValue());
                    max = Math.max(max, e.getValue());
                }
            }
        }
        if (names.isEmpty()) {
            svg.append("<text x=\"10\" y=\"20\">no metrics yet</text></svg>");
            return svg.toString();
        }
        if (max - min < 1e-9) {
            max = min + 1;
        }
        svg.append("<line x1=\"").append(PAD).append("\" y1=\"").append(H - PAD).append("\" x2=\"").append(W - 8)
                .append("\" y2=\"").append(H - PAD).append("\" stroke=\"#999\"/>");
        svg.append(label(2, PAD, fmt(max))).append(label(2, H - PAD, fmt(min)));
        int i = 0;
        for (String name : names) {
            String color = COLORS[i % COLORS.length];
            List<String> coords = new ArrayList<>();
            for (int k = 0; k < points.size(); k++) {
                Double v = points.get(k).metrics().get(name);
                if (v != null && Double.isFinite(v)) {
                    coords.add(fmt(x(k, points.size())) + "," + fmt(y(v, min, max)));
                }
            }
            svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"")
                    .append(String.join(" ", coords)).append("\"><title>").append(escape(name)).append("</title></polyline>");
            svg.append("<text x=\"").append(W - 120).append("\" y=\"").append(14 + 14 * i).append("\" fill=\"").append(color)
                    .append("\" font-size=\"12\">").append(escape(name)).append("</text>");
            i++;
        }
        for (int k = 0; k < points.size(); k++) {
            Point p = points.get(k);
            String fill = switch (Verdict.parse(p.status())) {
                case FAILED -> "#d62728";
                case WARNING -> "#e6a700";
                case PASSED -> "#2ca02c";
                case INACTIVE -> "#999";
            };
            svg.append("<circle cx=\"").append(fmt(x(k, points.size()))).append("\" cy=\"").append(H - PAD + 10)
                    .append("\" r=\"4\" fill=\"").append(fill).append("\"><title>#").append(p.build()).append(' ')
                    .append(escape(String.valueOf(p.status()))).append("</title></circle>");
        }
        return svg.append("</svg>").toString();
    }

    /** Collects the points of the given builds' evaluations, newest first in, oldest first out. */
    public static List<Point> oldestFirst(List<Point> newestFirst) {
        List<Point> out = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(out);
        return out;
    }

    static Map<String, Double> copy(Map<String, Double> m) {
        return m == null ? Map.of() : new LinkedHashMap<>(m);
    }

    private static double x(int k, int n) {
        return n == 1 ? (PAD + W - 8) / 2.0 : PAD + k * (W - 8 - PAD) / (double) (n - 1);
    }

    private static double y(double v, double min, double max) {
        return (H - PAD) - (v - min) / (max - min) * (H - 2 * PAD);
    }

    private static String label(int x, int y, String text) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"10\">" + escape(text) + "</text>";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
