package io.mlgate.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.DriftSpec;
import io.mlgate.core.config.DriftThresholds;
import io.mlgate.core.config.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsKitTest {
    @TempDir
    Path dir;

    static final DriftSpec DRIFT = new DriftSpec(0.1, 0.25, null, null, null, null,
            Map.of("annual_inc", new DriftThresholds(null, 0.4, null, null, null), "addr_state", new DriftThresholds(null, null, null, null, true)));

    private static JsonNode rules() throws Exception {
        return ConfigLoader.yamlMapper().readTree(OpsKit.prometheusRules("credit-risk", DRIFT, OpsKit.Options.defaults()));
    }

    private static JsonNode rule(String alert) throws Exception {
        for (JsonNode rule : rules().path("groups").get(0).path("rules")) {
            if (rule.path("alert").asText().equals(alert)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + alert);
    }

    @Test
    void writesTheRulesAndTheDashboard() {
        List<Path> files = OpsKit.write("credit-risk", Task.CLASSIFICATION, DRIFT, OpsKit.Options.defaults(), dir);

        assertThat(files).containsExactly(dir.resolve("prometheus-rules.yaml"), dir.resolve("grafana-dashboard.json"));
        assertThat(dir.resolve("prometheus-rules.yaml")).isNotEmptyFile();
    }

    @Test
    void theErrorRateAlertCountsServerErrorsOfTheModelOverFiveMinutes() throws Exception {
        JsonNode rule = rule("MlgateHighErrorRate");

        assertThat(rule.path("expr").asText())
                .isEqualTo("sum by (model, version) (rate(mlgate_requests_total{model=\"credit-risk\",status=~\"5..\"}[5m]))\n"
                        + "  / sum by (model, version) (rate(mlgate_requests_total{model=\"credit-risk\"}[5m])) > 0.01");
        assertThat(rule.path("for").asText()).isEqualTo("5m");
        assertThat(rule.path("labels").path("severity").asText()).isEqualTo("critical");
    }

    @Test
    void theLatencyAlertIsOnTheP99OfTheRequestHistogram() throws Exception {
        assertThat(rule("MlgateHighLatencyP99").path("expr").asText())
                .isEqualTo("histogram_quantile(0.99, sum by (le, model, version) (rate(mlgate_request_duration_seconds_bucket{model=\"credit-risk\"}[5m]))) > 0.25");
    }

    @Test
    void driftAlertsUseTheModelsThresholds() throws Exception {
        assertThat(rule("MlgateFeatureDriftWarning").path("expr").asText())
                .isEqualTo("mlgate_feature_drift_psi{model=\"credit-risk\",feature!~\"addr_state|annual_inc\"} >= 0.1");
        assertThat(rule("MlgateFeatureDriftFailure").path("expr").asText())
                .isEqualTo("mlgate_feature_drift_psi{model=\"credit-risk\",feature!~\"addr_state|annual_inc\"} >= 0.25");
        assertThat(rule("MlgateFeatureDriftFailure_annual_inc").path("expr").asText())
                .isEqualTo("mlgate_feature_drift_psi{model=\"credit-risk\",feature=\"annual_inc\"} >= 0.4");
    }

    @Test
    void anIgnoredFeatureNeverAlerts() throws Exception {
        assertThat(rules().toString()).doesNotContain("feature=\\\"addr_state\\\"");
    }

    @Test
    void theDashboardHasAPanelPerConcernOnTheServersMetrics() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(OpsKit.grafanaDashboard("credit-risk", Task.CLASSIFICATION, DRIFT));

        List<String> titles = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            titles.add(panel.path("title").asText());
            panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText()));
        }
        assertThat(titles).contains("Requests per second by version and status", "Error ratio (5xx)", "Latency p50 / p99",
                "Predictions by class", "Feature drift: PSI (warn 0.1, fail 0.25)", "Traffic split (%)");
        assertThat(String.join("\n", exprs)).contains("mlgate_requests_total{model=\"credit-risk\"}",
                "histogram_quantile(0.5, sum by (le, version) (rate(mlgate_request_duration_seconds_bucket",
                "histogram_quantile(0.99, sum by (le, version) (rate(mlgate_request_duration_seconds_bucket",
                "mlgate_predictions_total{model=\"credit-risk\"}", "mlgate_feature_drift_psi{model=\"credit-risk\"}",
                "mlgate_feature_drift_js{model=\"credit-risk\"}", "mlgate_traffic_percent{model=\"credit-risk\"}",
                "mlgate_shadow_predictions_total{model=\"credit-risk\"}", "mlgate_drift_window_rows{model=\"credit-risk\"}");
        assertThat(dashboard.path("uid").asText()).isEqualTo("mlgate-credit-risk");
    }

    @Test
    void aRegressionDashboardShowsPredictedValuesInsteadOfClasses() throws Exception {
        String json = OpsKit.grafanaDashboard("houses", Task.REGRESSION, DriftSpec.defaults());

        assertThat(json).contains("mlgate_prediction_value_bucket{model=\\\"houses\\\"}").doesNotContain("mlgate_predictions_total");
    }

    @Test
    void theFilesAreValidYamlAndJson() throws Exception {
        OpsKit.write("credit-risk", Task.CLASSIFICATION, DRIFT, OpsKit.Options.defaults(), dir);

        assertThat(ConfigLoader.yamlMapper().readTree(Files.readString(dir.resolve("prometheus-rules.yaml"))).path("groups").size()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(dir.resolve("grafana-dashboard.json").toFile()).path("panels").size()).isGreaterThanOrEqualTo(9);
    }
}
