package io.mlgate.core.report;

import io.mlgate.core.data.CheckResult;
import io.mlgate.core.data.FeatureDrift;
import io.mlgate.core.data.Offender;
import io.mlgate.core.data.ValidationReport;
import io.mlgate.core.evaluate.ConfusionMatrix;
import io.mlgate.core.evaluate.CurvePoint;
import io.mlgate.core.evaluate.MetricCatalog;
import io.mlgate.core.evaluate.MetricSet;
import io.mlgate.core.gate.GateReport;
import io.mlgate.core.gate.GateResult;
import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.train.FeatureImportance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One self-contained HTML page (no scripts, no external files) with the candidate-vs-champion
 * table, the gates, the confusion matrix, ROC and precision-recall curves, and the validation
 * and drift tables. The same SVG charts serve the Jenkins build page.
 */
public final class HtmlReport {
    private static final String CANDIDATE = "#1565c0";
    private static final String CHAMPION = "#8e8e8e";
    /** Importance bars pass no verdict, so they get a neutral color, not green/amber/red. */
    private static final String NEUTRAL = "#5c6bc0";
    /** Columns shown in the importance chart; the table lists every one. */
    private static final int TOP_FEATURES = 15;

    private HtmlReport() {
    }

    /** The color of a verdict, used for badges and bars. */
    public static String color(GateStatus status) {
        return switch (status) {
            case PASSED -> "#2e7d32";
            case WARNING -> "#d9a000";
            case FAILED -> "#c62828";
            case INACTIVE -> "#757575";
        };
    }

    /**
     * Renders the report.
     *
     * @param model           model name
     * @param gates           the gate report of the evaluation (null when only validation ran)
     * @param championVersion the production version compared against, or null
     * @param validation      the validation report (null when validation did not run)
     */
    public static String render(String model, GateReport gates, String championVersion, ValidationReport validation) {
        return render(model, gates, championVersion, validation, null);
    }

    /**
     * Renders the report with what the candidate relies on: an importance chart beside the drift
     * chart, and each drifted feature's importance rank in the drift table.
     *
     * @param importance the candidate's feature importance (sorted, from its training.json), or null
     */
    public static String render(String model, GateReport gates, String championVersion, ValidationReport validation,
                                List<FeatureImportance> importance) {
        List<FeatureImportance> shownImportance = importance == null || importance.isEmpty() ? null : importance;
        StringBuilder h = new StringBuilder(32_768);
        GateStatus overall = gates != null ? gates.status() : validation != null ? validation.status() : GateStatus.INACTIVE;
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>mlgate report: ")
                .append(Html.escape(model)).append("</title><style>")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;color:#222;max-width:1100px}")
                .append("table{border-collapse:collapse;margin:8px 0 20px}th,td{border:1px solid #ddd;padding:4px 8px;font-size:13px;text-align:right}")
                .append("th{background:#f5f5f5}td.l,th.l{text-align:left}.badge{color:#fff;border-radius:4px;padding:2px 8px;font-weight:600;font-size:12px}")
                .append("code{font-size:12px}.charts{display:flex;flex-wrap:wrap;gap:16px}h2{margin-top:28px;border-bottom:1px solid #eee}")
                .append("</style></head><body>");
        h.append("<h1>").append(Html.escape(model)).append(' ').append(badge(overall)).append("</h1>");
        h.append("<p>Generated ").append(Instant.now()).append(" by mlgate. Champion: ")
                .append(championVersion == null ? "none (no production model)" : "version " + Html.escape(championVersion))
                .append(".</p>");
        if (gates != null) {
            gatesSection(h, gates);
            metricsSection(h, gates.candidate(), gates.champion());
            chartsSection(h, gates.candidate(), gates.champion());
        }
        boolean withDrift = validation != null && !validation.drift().isEmpty();
        if (validation != null) {
            validationSection(h, validation, shownImportance);
        }
        if (shownImportance != null && !withDrift) {
            h.append("<h2>What the model relies on</h2>");
            importanceSection(h, shownImportance, true);
        }
        return h.append("</body></html>\n").toString();
    }

    private static String badge(GateStatus status) {
        return "<span class=\"badge\" style=\"background:" + color(status) + "\">" + status + "</span>";
    }

    private static void gatesSection(StringBuilder h, GateReport gates) {
        h.append("<h2>Quality gates</h2><table><tr><th class=\"l\">gate</th><th>candidate</th><th>champion</th><th>&Delta;</th>")
                .append("<th>relative &Delta;</th><th>limit</th><th>interval</th><th>verdict</th></tr>");
        for (GateResult r : gates.results()) {
            h.append("<tr title=\"").append(Html.escape(r.message())).append("\"><td class=\"l\"><code>").append(Html.escape(r.label()))
                    .append("</code></td><td>").append(num(r.candidate())).append("</td><td>").append(num(r.champion()))
                    .append("</td><td>").append(signed(r.delta())).append("</td><td>")
                    .append(r.relativeDelta() == null ? "" : String.format(Locale.ROOT, "%+.2f%%", r.relativeDelta() * 100))
                    .append("</td><td>").append(num(r.limit())).append("</td><td>")
                    .append(r.interval() == null ? "" : String.format(Locale.ROOT, "[%+.4f, %+.4f]", r.interval()[0], r.interval()[1]))
                    .append("</td><td>").append(badge(r.status())).append("</td></tr>");
        }
        h.append("</table><ul>");
        for (String message : gates.messages()) {
            h.append("<li><code>").append(Html.escape(message)).append("</code></li>");
        }
        for (String note : gates.notes()) {
            h.append("<li>").append(Html.escape(note)).append("</li>");
        }
        h.append("</ul>");
    }

    private static void metricsSection(StringBuilder h, MetricSet candidate, MetricSet champion) {
        if (candidate == null) {
            return;
        }
        h.append("<h2>Candidate vs champion (same holdout rows)</h2><table><tr><th class=\"l\">metric</th><th>candidate</th>")
                .append("<th>champion</th><th>&Delta;</th><th class=\"l\">better is</th></tr>");
        Set<String> names = new LinkedHashSet<>(candidate.values().keySet());
        if (champion != null) {
            names.addAll(champion.values().keySet());
        }
        for (String name : names) {
            Double c = candidate.get(name);
            Double p = champion == null ? null : champion.get(name);
            Double delta = c != null && p != null ? c - p : null;
            String direction = MetricCatalog.find(name).map(m -> m.higherIsBetter() ? "higher" : "lower").orElse("");
            h.append("<tr><td class=\"l\">").append(Html.escape(name)).append("</td><td>").append(num(c)).append("</td><td>")
                    .append(num(p)).append("</td><td>").append(signed(delta)).append("</td><td class=\"l\">").append(direction).append("</td></tr>");
        }
        h.append("</table><p>").append(candidate.rows()).append(" holdout rows.</p>");
        ConfusionMatrix cm = candidate.confusion();
        if (cm != null && !cm.labels().isEmpty()) {
            long max = 1;
            for (long[] row : cm.counts()) {
                for (long v : row) {
                    max = Math.max(max, v);
                }
            }
            h.append("<h3>Confusion matrix (candidate; rows actual, columns predicted)</h3><table><tr><th></th>");
            for (String label : cm.labels()) {
                h.append("<th>").append(Html.escape(label)).append("</th>");
            }
            h.append("</tr>");
            for (int i = 0; i < cm.labels().size(); i++) {
                h.append("<tr><th class=\"l\">").append(Html.escape(cm.labels().get(i))).append("</th>");
                for (int j = 0; j < cm.labels().size(); j++) {
                    long v = cm.counts()[i][j];
                    double shade = 0.08 + 0.6 * v / max;
                    h.append(String.format(Locale.ROOT, "<td style=\"background:rgba(21,101,192,%.2f)\">%d</td>", shade, v));
                }
                h.append("</tr>");
            }
            h.append("</table>");
        }
    }

    private static void chartsSection(StringBuilder h, MetricSet candidate, MetricSet champion) {
        if (candidate == null || candidate.roc() == null || candidate.roc().isEmpty()) {
            return;
        }
        h.append("<h2>Curves</h2><div class=\"charts\">");
        h.append(Svg.unitLineChart("ROC curve", "false positive rate", "true positive rate",
                curves(candidate.roc(), champion == null ? null : champion.roc()), true));
        if (candidate.pr() != null && !candidate.pr().isEmpty()) {
            h.append(Svg.unitLineChart("Precision-recall curve", "recall", "precision",
                    curves(candidate.pr(), champion == null ? null : champion.pr()), false));
        }
        h.append("</div>");
    }

    /** ROC or PR series for the SVG chart, candidate first. */
    public static List<Svg.Series> curves(List<CurvePoint> candidate, List<CurvePoint> champion) {
        List<Svg.Series> series = new ArrayList<>();
        series.add(series("candidate", CANDIDATE, candidate));
        if (champion != null && !champion.isEmpty()) {
            series.add(series("champion", CHAMPION, champion));
        }
        return series;
    }

    private static Svg.Series series(String name, String color, List<CurvePoint> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[i] = points.get(i).x();
            y[i] = points.get(i).y();
        }
        return new Svg.Series(name, color, x, y);
    }

    private static void importanceSection(StringBuilder h, List<FeatureImportance> importance, boolean withChart) {
        if (withChart) {
            h.append(importanceChart(importance));
        }
        h.append("<table><tr><th>rank</th><th class=\"l\">feature</th><th>share</th><th class=\"l\">method</th>")
                .append("<th class=\"l\">largest encoded features</th></tr>");
        for (int i = 0; i < importance.size(); i++) {
            FeatureImportance f = importance.get(i);
            StringBuilder parts = new StringBuilder();
            if (f.features().size() > 1) {
                for (int p = 0; p < Math.min(3, f.features().size()); p++) {
                    FeatureImportance.Part part = f.features().get(p);
                    parts.append(p == 0 ? "" : ", ").append(Html.escape(part.feature()))
                            .append(String.format(Locale.ROOT, " %.3f", part.importance()));
                }
            }
            h.append("<tr><td>").append(i + 1).append("</td><td class=\"l\">").append(Html.escape(f.feature())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.3f", f.importance())).append("</td><td class=\"l\">")
                    .append(Html.escape(f.method())).append("</td><td class=\"l\">").append(parts).append("</td></tr>");
        }
        h.append("</table>");
    }

    /** Horizontal bars of the largest importance shares, in a neutral color. */
    public static String importanceChart(List<FeatureImportance> importance) {
        List<Svg.Bar> bars = new ArrayList<>();
        for (FeatureImportance f : importance.subList(0, Math.min(TOP_FEATURES, importance.size()))) {
            bars.add(new Svg.Bar(f.feature(), f.importance(), NEUTRAL));
        }
        String method = importance.get(0).method();
        return Svg.barChart("What the model relies on (" + method + " share per feature)", bars, "%.3f");
    }

    private static void validationSection(StringBuilder h, ValidationReport v, List<FeatureImportance> importance) {
        h.append("<h2>Data validation ").append(badge(v.status())).append("</h2><p><code>").append(Html.escape(v.file()))
                .append("</code>, ").append(v.rows()).append(" rows.</p>");
        h.append("<table><tr><th class=\"l\">check</th><th class=\"l\">column</th><th>violations</th><th class=\"l\">message</th>")
                .append("<th class=\"l\">worst rows (row: value)</th><th>verdict</th></tr>");
        for (CheckResult c : v.checks()) {
            StringBuilder worst = new StringBuilder();
            for (Offender o : c.worst()) {
                worst.append(o.row()).append(": ").append(Html.escape(o.column())).append('=').append(Html.escape(o.value())).append("<br>");
            }
            h.append("<tr><td class=\"l\">").append(Html.escape(c.check())).append("</td><td class=\"l\">").append(Html.escape(c.column()))
                    .append("</td><td>").append(c.violations()).append("</td><td class=\"l\">").append(Html.escape(c.message()))
                    .append("</td><td class=\"l\">").append(worst).append("</td><td>").append(badge(c.status())).append("</td></tr>");
        }
        h.append("</table>");
        if (!v.drift().isEmpty()) {
            List<FeatureDrift> drift = new ArrayList<>(v.drift());
            drift.sort(Comparator.comparingDouble((FeatureDrift d) -> Double.isNaN(d.psi()) ? -1 : d.psi()).reversed());
            h.append("<h3>Drift per feature (vs reference)</h3>");
            List<Svg.Bar> bars = new ArrayList<>();
            for (FeatureDrift d : drift) {
                bars.add(new Svg.Bar(d.feature(), d.psi(), color(d.status())));
            }
            double warn = 0.1;
            double fail = 0.25;
            // side by side, so "drift on int_rate" reads against "int_rate is the #2 feature"
            h.append("<div class=\"charts\"><div><h4>Drift (PSI)</h4>").append(Svg.barChart("PSI per feature", bars, warn, fail)).append("</div>");
            if (importance != null) {
                h.append("<div><h4>What the model relies on</h4>").append(importanceChart(importance)).append("</div>");
            }
            h.append("</div>");
            h.append("<table><tr><th class=\"l\">feature</th><th class=\"l\">kind</th><th>PSI</th><th>JS distance</th>");
            if (importance != null) {
                h.append("<th title=\"rank of the feature in what the model relies on (1 = most)\">importance rank</th>");
            }
            h.append("<th class=\"l\">message</th><th>verdict</th></tr>");
            for (FeatureDrift d : drift) {
                h.append("<tr><td class=\"l\">").append(Html.escape(d.feature())).append("</td><td class=\"l\">").append(Html.escape(d.kind()))
                        .append("</td><td>").append(num(d.psi())).append("</td><td>").append(num(d.js())).append("</td>");
                if (importance != null) {
                    int rank = FeatureImportance.rank(importance, d.feature());
                    h.append("<td>").append(rank == 0 ? "not used" : "#" + rank + " of " + importance.size()
                            + String.format(Locale.ROOT, " (%.3f)", importance.get(rank - 1).importance())).append("</td>");
                }
                h.append("<td class=\"l\"><code>")
                        .append(Html.escape(d.message())).append("</code></td><td>").append(badge(d.status())).append("</td></tr>");
            }
            h.append("</table>");
            if (importance != null) {
                h.append("<h3>What the model relies on</h3>");
                importanceSection(h, importance, false);
            }
        }
    }

    private static String num(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String signed(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%+.4f", v);
    }
}
