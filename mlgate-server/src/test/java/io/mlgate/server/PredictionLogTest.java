package io.mlgate.server;

import static io.mlgate.server.TestModels.CREDIT;
import static io.mlgate.server.TestModels.XGBOOST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgate.core.monitor.LoggedPrediction;
import io.mlgate.core.monitor.PredictionLogReader;
import io.mlgate.core.registry.Registries;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in prediction log: what it records, and that it stays within its size bound. */
class PredictionLogTest {
    @TempDir
    Path dir;

    @Test
    void answeredRowsAreLoggedWithTheRequestIdInputsAndPrediction() throws Exception {
        TestModels models = TestModels.get();
        Path logDir = dir.resolve("log");
        try (MlgateServer server = new MlgateServer(models.options(), Registries.open(models.registryUri, null),
                PredictionLog.Options.of(logDir))) {
            server.start();
            server.apply(CREDIT, io.mlgate.core.deploy.TrafficSplit.only(XGBOOST));
            server.markReady();
            Http http = new Http(server);
            List<Map<String, String>> rows = models.holdout().subList(0, 3);

            JsonNode reply = http.post("/v1/models/" + CREDIT + ":predict", Http.json(Map.of("rows", rows)), "X-Request-Id", "req-1").json();
            assertThat(server.predictionLog().awaitWritten(Duration.ofSeconds(10))).isTrue();

            List<LoggedPrediction> logged = PredictionLogReader.read(logDir).rows();
            assertThat(logged).extracting(LoggedPrediction::requestId, LoggedPrediction::row, LoggedPrediction::rows, LoggedPrediction::version)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("req-1", 0, 3, XGBOOST), org.assertj.core.groups.Tuple.tuple("req-1", 1, 3, XGBOOST),
                            org.assertj.core.groups.Tuple.tuple("req-1", 2, 3, XGBOOST));
            for (int i = 0; i < 3; i++) {
                assertThat(logged.get(i).inputs()).isEqualTo(rows.get(i));
                assertThat(logged.get(i).prediction()).isEqualTo(reply.get("predictions").get(i).get("prediction").asText());
                assertThat(logged.get(i).score()).isEqualTo(reply.get("predictions").get(i).get("score").asDouble());
            }
            assertThat(http.get("/metrics").body()).contains("mlgate_prediction_log_rows_total 3.0", "mlgate_prediction_log_dropped_total 0.0");
        }
    }

    @Test
    void theLogStaysWithinItsSizeBoundUnderLoad() throws Exception {
        PredictionLog.Options options = new PredictionLog.Options(dir, 1.0, 4096, 3, 100_000);
        Map<String, Object> result = Map.of("prediction", "good", "score", 0.12, "probabilities", Map.of("bad", 0.12, "good", 0.88));
        int requests = 5_000;
        PredictionLog log = new PredictionLog(options, new PrometheusRegistry());
        try {
            for (int i = 0; i < requests; i++) {
                log.offer(CREDIT, "2", "r" + i, List.of(Map.of("int_rate", Integer.toString(i), "term", "term_36")), List.of(result));
            }
            assertThat(log.awaitWritten(Duration.ofSeconds(30))).isTrue();
        } finally {
            log.close();
        }

        List<Path> files = PredictionLogReader.files(dir);
        assertThat(files).hasSize(3);
        for (Path f : files) {
            assertThat(Files.size(f)).as(f.toString()).isLessThanOrEqualTo(4096);
        }
        assertThat(log.written() + log.dropped()).isEqualTo(requests);
        List<LoggedPrediction> kept = PredictionLogReader.read(dir).rows();
        assertThat(kept.get(kept.size() - 1).requestId()).isEqualTo("r" + (requests - 1));
        assertThat(kept).extracting(LoggedPrediction::requestId).doesNotContain("r0");
    }

    @Test
    void sampleZeroLogsNothing() throws Exception {
        PredictionLog log = new PredictionLog(new PredictionLog.Options(dir, 0.0, 4096, 2, 10), new PrometheusRegistry());
        try {
            log.offer(CREDIT, "2", "r", List.of(Map.of("x", "1")), List.of(Map.<String, Object>of("prediction", "good")));
            assertThat(log.awaitWritten(Duration.ofSeconds(5))).isTrue();
        } finally {
            log.close();
        }

        assertThat(PredictionLogReader.read(dir).rows()).isEmpty();
        assertThat(log.written()).isZero();
    }
}
