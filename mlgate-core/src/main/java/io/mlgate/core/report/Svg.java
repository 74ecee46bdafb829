package io.mlgate.core.report;

import java.util.List;
import java.util.Locale;

/**
 * Small, dependency-free inline SVG charts for the HTML report and the Jenkins build page.
 * Every chart is a self-contained {@code <svg>} string with a title for screen readers.
 */
public final class Svg {
    /** One line of a line chart. */
    public record Series(String name, String color, double[] x, double[] y) {
    }

    /** One bar with the color of its verdict. */
    public record Bar(String label, double value, String color) {
    }

    private static final int W = 360;
    private static final int H = 300;
    private static final int PAD = 44;

    private Svg() {
    }

    /** A line chart on [0,1] x [0,1] (ROC, precision-recall), with an optional diagonal. */
    public static String unitLineChart(String title, String xLabel, String yLabel, List<Series> series, boolean diagonal) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">", W, H, W, H));
        s.append("<title>").append(Html.escape(title)).append("</title>");
        int plot = W - 2 * PAD;
        int plotH = H - 2 * PAD;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fff\" stroke=\"#999\"/>", PAD, PAD / 2, plot, plotH));
        for (int i = 0; i <= 4; i++) {
            double v = i / 4.0;
            double gx = PAD + v * plot;
            double gy = PAD / 2.0 + plotH - v * plotH;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>", gx, PAD / 2, gx, PAD / 2 + plotH));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>", PAD, gy, PAD + plot, gy));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%.2f</text>", gx, PAD / 2 + plotH + 14, v));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%.2f</text>", PAD - 4, gy + 3, v));
        }
        if (diagonal) {
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#bbb\" stroke-dasharray=\"4 3\"/>", PAD, PAD / 2 + plotH, PAD + plot, PAD / 2));
        }
        int legendY = PAD / 2 + 14;
        for (Series line : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < line.x().length; i++) {
                double px = PAD + clamp(line.x()[i]) * plot;
                double py = PAD / 2.0 + plotH - clamp(line.y()[i]) * plotH;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            }
            s.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(line.color()).append("\" points=\"")
                    .append(points.toString().trim()).append("\"><title>").append(Html.escape(line.name())).append("</title></polyline>");
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/>", PAD + plot - 120, legendY - 3, line.color()));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", PAD + plot - 106, legendY, Html.escape(line.name())));
            legendY += 14;
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>", PAD + plot / 2, H - 6, Html.escape(xLabel)));
        s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 12 %d)\">%s</text>",
                PAD / 2 + plotH / 2, PAD / 2 + plotH / 2, Html.escape(yLabel)));
        return s.append("</svg>").toString();
    }

    /** Horizontal bars (e.g. PSI per feature) with dashed threshold lines. */
    public static String barChart(String title, List<Bar> bars, double warn, double fail) {
        return bars(title, bars, new double[] {warn, fail}, "%.4f");
    }

    /**
     * Horizontal bars without threshold lines, for values that pass no verdict (e.g. feature
     * importance shares); each bar keeps its own color.
     *
     * @param valueFormat how the value beside each bar is printed, e.g. {@code "%.3f"}
     */
    public static String barChart(String title, List<Bar> bars, String valueFormat) {
        return bars(title, bars, null, valueFormat);
    }

    private static String bars(String title, List<Bar> bars, double[] lines, String valueFormat) {
        int rowH = 18;
        int labelW = 150;
        int width = 520;
        int height = 30 + bars.size() * rowH + 20;
        double largest = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(0) * 1.05;
        double max = lines == null ? largest : Math.max(lines[1] * 1.2, largest);
        double scale = (width - labelW - 60) / (max <= 0 ? 1 : max);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">", width, height, width, height));
        s.append("<title>").append(Html.escape(title)).append("</title>");
        int y = 20;
        for (Bar bar : bars) {
            double v = Double.isFinite(bar.value()) ? bar.value() : 0;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>", labelW - 6, y + 12, Html.escape(bar.label())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", labelW, y + 2, Math.max(1, v * scale), rowH - 5, bar.color()));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">" + valueFormat + "</text>",
                    labelW + Math.max(1, v * scale) + 4, y + 12, v));
            y += rowH;
        }
        if (lines == null) {
            return s.append("</svg>").toString();
        }
        for (double[] line : new double[][] {{lines[0], 0}, {lines[1], 1}}) {
            double x = labelW + line[0] * scale;
            String color = line[1] == 0 ? "#d9a000" : "#c62828";
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"14\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>", x, x, y + 2, color));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"10\" font-size=\"10\" text-anchor=\"middle\" fill=\"%s\">%s %.2f</text>", x, color, line[1] == 0 ? "warn" : "fail", line[0]));
        }
        return s.append("</svg>").toString();
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
