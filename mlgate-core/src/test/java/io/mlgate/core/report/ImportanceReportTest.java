package io.mlgate.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.data.FeatureDrift;
import io.mlgate.core.data.ValidationReport;
import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.train.FeatureImportance;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportanceReportTest {
    private static final List<FeatureImportance> IMPORTANCE = List.of(
            new FeatureImportance("sub_grade", 0.5, "gain", 50, List.of(
                    new FeatureImportance.Part("sub_grade=C4", 0.3), new FeatureImportance.Part("sub_grade=A1", 0.2))),
            new FeatureImportance("int_rate", 0.4, "gain", 40, List.of(new FeatureImportance.Part("int_rate", 0.4))),
            new FeatureImportance("term", 0.1, "gain", 10, List.of(new FeatureImportance.Part("term=term_36", 0.1))));

    private static FeatureDrift drift(String feature, double psi, GateStatus status) {
        return new FeatureDrift(feature, "numeric", psi, 0.1, status, "PSI " + psi, List.of(), new double[0], new double[0]);
    }

    private static final ValidationReport DRIFTED = new ValidationReport("holdout.csv", 2000, GateStatus.FAILED, List.of(),
            List.of(drift("int_rate", 0.41, GateStatus.FAILED), drift("loan_id", 0.02, GateStatus.PASSED)));

    @Test
    void theReportShowsWhatTheModelReliesOnBesideTheDriftChart() {
        String html = HtmlReport.render("credit-risk", null, null, DRIFTED, IMPORTANCE);

        assertThat(html).contains("<h4>Drift (PSI)</h4>", "<h4>What the model relies on</h4>",
                "<title>What the model relies on (gain share per feature)</title>");
        assertThat(html.indexOf("What the model relies on")).isGreaterThan(html.indexOf("Drift (PSI)"));
    }

    @Test
    void theDriftTableGivesEachFeaturesImportanceRank() {
        String html = HtmlReport.render("credit-risk", null, null, DRIFTED, IMPORTANCE);

        assertThat(html).contains("<th title=\"rank of the feature in what the model relies on (1 = most)\">importance rank</th>");
        assertThat(html).contains("<td>#2 of 3 (0.400)</td>");
        assertThat(html).contains("<td>not used</td>");
    }

    @Test
    void theImportanceTableListsEveryColumnWithItsLargestOneHotFeatures() {
        String html = HtmlReport.render("credit-risk", null, null, DRIFTED, IMPORTANCE);

        assertThat(html).contains("<td>1</td><td class=\"l\">sub_grade</td><td>0.500</td><td class=\"l\">gain</td>"
                + "<td class=\"l\">sub_grade=C4 0.300, sub_grade=A1 0.200</td>");
        assertThat(html).contains("<td class=\"l\">term</td>");
    }

    @Test
    void importanceBarsAreNeutralAndHaveNoThresholdLines() {
        String chart = HtmlReport.importanceChart(IMPORTANCE);

        assertThat(chart).contains("fill=\"#5c6bc0\"").doesNotContain("warn", "fail", "#c62828", "#2e7d32");
        assertThat(chart).contains(">sub_grade</text>", ">0.500</text>");
    }

    @Test
    void withoutDriftTheImportanceHasASectionOfItsOwn() {
        String html = HtmlReport.render("credit-risk", ReportFixtures.mixed(), "7", null, IMPORTANCE);

        assertThat(html).contains("<h2>What the model relies on</h2>", "<title>What the model relies on (gain share per feature)</title>");
    }

    @Test
    void withoutImportanceTheDriftTableHasNoRankColumn() {
        String html = HtmlReport.render("credit-risk", null, null, DRIFTED);

        assertThat(html).doesNotContain("importance rank", "What the model relies on");
    }
}
