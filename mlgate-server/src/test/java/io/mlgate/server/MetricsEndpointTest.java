package io.mlgate.server;

import static io.mlgate.server.TestModels.AMES;
import static io.mlgate.server.TestModels.CREDIT;
import static io.mlgate.server.TestModels.XGBOOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /metrics is valid Prometheus text with the contract's metric names. */
class MetricsEndpointTest {

    @Test
    void everySampleLineParsesAndTheContractNamesArePresent() {
        TestModels models = TestModels.get();
        try (MlgateServer server = MlgateServer.serve(models.options(), Map.of(CREDIT, XGBOOST, AMES, "1"))) {
            Http http = new Http(server);
            http.predict(CREDIT, models.holdout().subList(0, 10));
            http.predict(AMES, TestModels.rows(models.root.resolve("ames/data/holdout.csv"), "Sale_Price").subList(0, 5));
            http.post("/v1/models/credit-risk:predict", "nope");

            Http.Reply reply = http.get("/metrics");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.header("Content-Type")).startsWith("text/plain");
            MetricsText metrics = MetricsText.parse(reply.body());
            assertThat(metrics.value("mlgate_requests_total", Map.of("model", CREDIT, "version", XGBOOST, "status", "200")))
                    .isEqualTo(1);
            assertThat(metrics.value("mlgate_requests_total", Map.of("model", CREDIT, "version", XGBOOST, "status", "400")))
                    .isEqualTo(1);
            assertThat(metrics.value("mlgate_request_duration_seconds_count", Map.of("model", CREDIT, "version", XGBOOST)))
                    .isEqualTo(2);
            assertThat(metrics.find("mlgate_request_duration_seconds_bucket", Map.of("model", CREDIT, "version", XGBOOST)).stream()
                    .map(s -> s.labels().get("le")).map(le -> le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le)).toList())
                    .contains(0.0005, 0.001, 0.01, 0.1, 1.0, 2.5, Double.POSITIVE_INFINITY);
            assertThat(metrics.sum("mlgate_predictions_total", Map.of("model", CREDIT, "version", XGBOOST))).isEqualTo(10);
            assertThat(metrics.find("mlgate_predictions_total", Map.of("model", CREDIT)).stream()
                    .map(s -> s.labels().get("class")).toList()).containsExactlyInAnyOrder("bad", "good");
            assertThat(metrics.value("mlgate_prediction_value_count", Map.of("model", AMES, "version", "1"))).isEqualTo(5);
            assertThat(metrics.value("mlgate_traffic_percent", Map.of("model", AMES, "version", "1", "role", "stable")))
                    .isEqualTo(100);
            assertThat(metrics.find("mlgate_drift_window_rows", Map.of("model", CREDIT))).hasSize(1);
        }
    }

    @Test
    void unknownModelsShareOneLabelSoNamesCannotExplodeTheSeries() {
        TestModels models = TestModels.get();
        try (MlgateServer server = MlgateServer.serve(models.options(), Map.of())) {
            Http http = new Http(server);
            for (String name : List.of("a", "b", "c")) {
                http.predict(name, models.holdout().subList(0, 1));
            }

            MetricsText metrics = MetricsText.parse(http.get("/metrics").body());

            assertThat(metrics.value("mlgate_requests_total", Map.of("model", "(unknown)", "status", "404"))).isEqualTo(3);
        }
    }
}
