package io.mlgate.core.report;

import io.mlgate.core.evaluate.MetricSet;
import io.mlgate.core.gate.GateReport;
import io.mlgate.core.gate.GateResult;
import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.util.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gate report as OpenMetrics text: GitLab's {@code artifacts:reports:metrics} shows it on a
 * merge request, and Prometheus (or a pushgateway) can ingest it. Families:
 * {@code mlgate_metric} (holdout metrics of candidate and champion), {@code mlgate_gate_status}
 * and {@code mlgate_status} (verdicts as 0 inactive, 1 passed, 2 warning, 3 failed) and
 * {@code mlgate_gate_delta} (candidate - champion where compared).
 */
public final class OpenMetricsReport {
    private static final String STATUS_HELP = "0 inactive, 1 passed, 2 warning, 3 failed";

    private OpenMetricsReport() {
    }

    public static void write(String model, GateReport report, Path file) {
        AtomicFiles.write(file, render(model, report));
    }

    public static String render(String model, GateReport report) {
        String modelLabel = "model=\"" + label(model) + "\"";
        StringBuilder out = new StringBuilder();
        family(out, "mlgate_metric", "Holdout metric of the candidate and of the champion on the same rows.");
        metrics(out, modelLabel, "candidate", report.candidate());
        metrics(out, modelLabel, "champion", report.champion());

        List<String> gates = uniqueGateLabels(report.results());
        family(out, "mlgate_gate_status", "Gate verdict: " + STATUS_HELP + ".");
        for (int i = 0; i < gates.size(); i++) {
            out.append("mlgate_gate_status{").append(modelLabel).append(",gate=\"").append(label(gates.get(i))).append("\"} ")
                    .append(code(report.results().get(i).status())).append('\n');
        }
        family(out, "mlgate_gate_delta", "Candidate minus champion of a gate's metric.");
        for (int i = 0; i < gates.size(); i++) {
            Double delta = report.results().get(i).delta();
            if (delta != null) {
                out.append("mlgate_gate_delta{").append(modelLabel).append(",gate=\"").append(label(gates.get(i))).append("\"} ")
                        .append(number(delta)).append('\n');
            }
        }
        family(out, "mlgate_status", "Overall gate verdict: " + STATUS_HELP + ".");
        out.append("mlgate_status{").append(modelLabel).append("} ").append(code(report.status())).append('\n');
        out.append("# EOF\n");
        return out.toString();
    }

    /** The verdict as a number; explicit so that reordering the enum cannot change dashboards. */
    static int code(GateStatus status) {
        return switch (status) {
            case INACTIVE -> 0;
            case PASSED -> 1;
            case WARNING -> 2;
            case FAILED -> 3;
        };
    }

    /** Gate labels, with " (2)", " (3)" ... appended to repeats: a sample's label set must be unique in its family. */
    private static List<String> uniqueGateLabels(List<GateResult> results) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (GateResult result : results) {
            int count = seen.merge(result.label(), 1, Integer::sum);
            labels.add(count == 1 ? result.label() : result.label() + " (" + count + ")");
        }
        return labels;
    }

    private static void family(StringBuilder out, String name, String help) {
        out.append("# TYPE ").append(name).append(" gauge\n");
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n")).append('\n');
    }

    private static void metrics(StringBuilder out, String modelLabel, String version, MetricSet metrics) {
        if (metrics == null) {
            return;
        }
        for (Map.Entry<String, Double> e : metrics.values().entrySet()) {
            out.append("mlgate_metric{").append(modelLabel).append(",version=\"").append(version)
                    .append("\",metric=\"").append(label(e.getKey())).append("\"} ").append(number(e.getValue())).append('\n');
        }
    }

    /** Label values escape backslash, double quote and line feed (OpenMetrics ABNF). */
    static String label(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        return Double.toString(value);
    }
}
