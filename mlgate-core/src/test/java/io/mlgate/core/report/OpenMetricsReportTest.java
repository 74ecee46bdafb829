package io.mlgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.config.GateSpec;
import io.mlgate.core.config.NoBaselinePolicy;
import io.mlgate.core.gate.GateEvaluator;
import io.mlgate.core.gate.GateReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenMetricsReportTest {
    /** name{label="value",...} number, with escaped label values (OpenMetrics text ABNF, simplified). */
    private static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*\\{[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"(?:,[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\")*} "
                    + "(?:[+-]?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|NaN|[+-]Inf)");
    private static final Pattern META = Pattern.compile("# (?:TYPE [a-z_]+ gauge|HELP [a-z_]+ .+)");

    @TempDir
    Path dir;

    @Test
    void everyLineIsMetadataOrASampleAndTheTextEndsWithEof() {
        String text = OpenMetricsReport.render("credit-risk", ReportFixtures.mixed());

        assertThat(text).endsWith("# EOF\n");
        List<String> lines = text.lines().toList();
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line ->
                assertThat(SAMPLE.matcher(line).matches() || META.matcher(line).matches()).as(line).isTrue());
    }

    @Test
    void metricsOfCandidateAndChampionAreSamples() {
        String text = OpenMetricsReport.render("credit-risk", ReportFixtures.mixed());

        assertThat(text)
                .contains("mlgate_metric{model=\"credit-risk\",version=\"candidate\",metric=\"auc\"} 0.75\n")
                .contains("mlgate_metric{model=\"credit-risk\",version=\"champion\",metric=\"auc\"} 1.0\n");
    }

    @Test
    void gateVerdictsAreNumbered() {
        String text = OpenMetricsReport.render("credit-risk", ReportFixtures.mixed());

        assertThat(text)
                .contains("# TYPE mlgate_gate_status gauge\n")
                .contains("mlgate_gate_status{model=\"credit-risk\",gate=\"[absolute - auc]\"} 1\n")
                .contains("mlgate_gate_status{model=\"credit-risk\",gate=\"[champion - auc]\"} 3\n")
                .contains("mlgate_gate_status{model=\"credit-risk\",gate=\"[absolute - f1]\"} 2\n")
                .contains("mlgate_gate_status{model=\"credit-risk\",gate=\"[absolute - f1 @ grade=A]\"} 0\n")
                .contains("mlgate_gate_delta{model=\"credit-risk\",gate=\"[champion - auc]\"} -0.25\n")
                .contains("mlgate_status{model=\"credit-risk\"} 3\n");
    }

    @Test
    void labelValuesAreEscaped() {
        GateSpec gate = new GateSpec("auc", null, 0.5, null, null, null, null, null, null, null, "say \"hi\"\\now");
        GateReport report = GateEvaluator.evaluate(List.of(gate), NoBaselinePolicy.FAIL,
                ReportFixtures.model(0.1, 0.4, 0.35, 0.8), null, null, null);

        String text = OpenMetricsReport.render("m\nx", report);

        assertThat(text).contains("mlgate_gate_status{model=\"m\\nx\",gate=\"[say \\\"hi\\\"\\\\now]\"} 1\n");
        assertThat(text.lines().filter(l -> !l.startsWith("#"))).allMatch(l -> SAMPLE.matcher(l).matches());
    }

    @Test
    void repeatedGateNamesGetDistinctLabels() {
        GateSpec gate = new GateSpec("auc", null, 0.5, null, null, null, null, null, null, null, null);
        GateReport report = GateEvaluator.evaluate(List.of(gate, gate), NoBaselinePolicy.FAIL,
                ReportFixtures.model(0.1, 0.4, 0.35, 0.8), null, null, null);

        assertThat(OpenMetricsReport.render("m", report))
                .contains("mlgate_gate_status{model=\"m\",gate=\"[absolute - auc]\"} 1\n")
                .contains("mlgate_gate_status{model=\"m\",gate=\"[absolute - auc] (2)\"} 1\n");
    }

    @Test
    void writeWritesTheRenderedText() throws Exception {
        Path file = dir.resolve("out/metrics.txt");
        GateReport report = ReportFixtures.mixed();

        OpenMetricsReport.write("credit-risk", report, file);

        assertThat(Files.readString(file)).isEqualTo(OpenMetricsReport.render("credit-risk", report));
    }
}
