package io.mlgate.core.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import io.mlgate.core.config.DriftSpec;
import io.mlgate.core.config.RetrainSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prometheus HTTP API path, against an in-test server answering the documented /api/v1/query responses. */
class PrometheusSourceTest {
    private HttpServer prometheus;
    private final List<String> queries = new ArrayList<>();

    private static String vector(String... results) {
        return "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" + String.join(",", results) + "]}}";
    }

    private static String sample(String label, String value, String v) {
        return "{\"metric\":{" + (label == null ? "" : "\"" + label + "\":\"" + value + "\"") + "},\"value\":[1714557600.123,\"" + v + "\"]}";
    }

    @BeforeEach
    void start() throws IOException {
        prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        prometheus.createContext("/api/v1/query", exchange -> {
            String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("query=".length()), StandardCharsets.UTF_8);
            queries.add(query);
            String body;
            if (query.startsWith("max by (feature) (mlgate_feature_drift_psi")) {
                body = vector(sample("feature", "int_rate", "0.41"), sample("feature", "annual_inc", "0.33"), sample("feature", "term", "0.01"));
            } else if (query.startsWith("max by (feature) (mlgate_feature_drift_js")) {
                body = vector(sample("feature", "int_rate", "0.3"));
            } else if (query.startsWith("max(mlgate_drift_window_rows")) {
                body = vector(sample(null, null, "2000"));
            } else if (query.contains("mlgate_predictions_total")) {
                body = vector(sample("class", "bad", "100"), sample("class", "good", "1900"));
            } else if (query.contains("mlgate_requests_total")) {
                body = vector(sample("status", "200", "1990"), sample("status", "500", "10"));
            } else if (query.startsWith("histogram_quantile")) {
                body = vector(sample(null, null, "0.0042"));
            } else if (query.contains("mlgate_prediction_value_bucket")) {
                body = vector();
            } else {
                body = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"unexpected query\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body.contains("\"error\"") ? 400 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        prometheus.start();
    }

    @AfterEach
    void stop() {
        prometheus.stop(0);
    }

    private PrometheusSource source() {
        return new PrometheusSource(URI.create("http://127.0.0.1:" + prometheus.getAddress().getPort()), "1h", Duration.ofSeconds(5), null);
    }

    @Test
    void readsDriftPredictionsErrorsAndLatencyOverTheWindow() {
        ServingSignals s = source().read("credit-risk", "3");

        assertThat(s.error()).isNull();
        assertThat(s.psi()).containsEntry("int_rate", 0.41).containsEntry("annual_inc", 0.33);
        assertThat(s.driftRows()).isEqualTo(2000);
        assertThat(s.predictedClasses()).containsEntry("bad", 100.0).containsEntry("good", 1900.0);
        assertThat(s.errorRate()).isCloseTo(0.005, within(1e-12));
        assertThat(s.latencyP99()).isEqualTo(0.0042);
        assertThat(queries).contains("sum by (class) (increase(mlgate_predictions_total{model=\"credit-risk\",version=\"3\"}[1h]))",
                "histogram_quantile(0.99, sum by (le) (rate(mlgate_request_duration_seconds_bucket{model=\"credit-risk\",version=\"3\"}[1h])))");
    }

    @Test
    void driftFromPrometheusFiresTheDriftTrigger() {
        Evidence e = new Evidence("3", source().read("credit-risk", "3"), null, null, 0, Map.of(), null, null, null, Instant.EPOCH, null);

        TriggerResult r = RetrainEvaluator.drift(RetrainSpec.Drift.defaults(), DriftSpec.defaults(), e);

        assertThat(r.message()).isEqualTo("[retrain - drift]: FAILED - drift on int_rate (PSI 0.4100 >= 0.25), "
                + "annual_inc (PSI 0.3300 >= 0.25) over 2,000 rows");
    }

    @Test
    void anUnreachablePrometheusIsReportedNotThrown() {
        prometheus.stop(0);

        ServingSignals s = source().read("credit-risk", "3");

        assertThat(s.available()).isFalse();
        assertThat(s.error()).startsWith("cannot query Prometheus at http://127.0.0.1:").endsWith("; check --prometheus URL");
    }

    @Test
    void aUrlThatIsNotPrometheusIsReported() {
        ServingSignals s = new PrometheusSource(URI.create("http://127.0.0.1:" + prometheus.getAddress().getPort() + "/nothing"), "1h",
                Duration.ofSeconds(5), null).read("credit-risk", "3");

        assertThat(s.available()).isFalse();
    }
}
