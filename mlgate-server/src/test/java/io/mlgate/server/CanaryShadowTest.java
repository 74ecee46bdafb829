package io.mlgate.server;

import static io.mlgate.server.TestModels.CREDIT;
import static io.mlgate.server.TestModels.LOGISTIC;
import static io.mlgate.server.TestModels.XGBOOST;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.deploy.TrafficSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Canary splits traffic by percentage; a shadow sees every request and never answers. */
class CanaryShadowTest {
    static TestModels models;
    static MlgateServer server;
    static List<Map<String, String>> rows;

    @BeforeAll
    static void start() {
        models = TestModels.get();
        server = MlgateServer.serve(models.options(), Map.of());
        rows = models.holdout().subList(0, 100);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Sends {@code requests} single-row predict requests from 4 threads; returns the answering version of each. */
    private static List<String> send(int requests) throws InterruptedException {
        List<String> versions = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                Http http = new Http(server);
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    Http.Reply reply = http.predict(CREDIT, List.of(rows.get(i % rows.size())));
                    versions.add(reply.status() == 200 ? reply.json().get("version").asText() : "HTTP " + reply.status());
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        return versions;
    }

    @Test
    void canaryAtTenPercentAnswersATenthOfRequestsWithinFourSigma() throws Exception {
        server.apply(CREDIT, new TrafficSplit(LOGISTIC, XGBOOST, 10, null));

        List<String> versions = send(2_000);

        long canary = versions.stream().filter(XGBOOST::equals).count();
        long stable = versions.stream().filter(LOGISTIC::equals).count();
        double sigma = Math.sqrt(2_000 * 0.1 * 0.9);
        assertThat(canary + stable).isEqualTo(2_000);
        assertThat((double) canary).isBetween(200 - 4 * sigma, 200 + 4 * sigma);
    }

    @Test
    void shadowNeverAnswersAndCountsAgreement() throws Exception {
        server.apply(CREDIT, new TrafficSplit(LOGISTIC, null, 0, XGBOOST));

        List<String> versions = send(200);

        assertThat(versions).hasSize(200).containsOnly(LOGISTIC);
        // the shadow runs after the answer is sent, so its count may trail the last responses briefly
        Map<String, String> labels = Map.of("model", CREDIT, "version", LOGISTIC, "shadow_version", XGBOOST);
        MetricsText metrics = MetricsText.parse(server.metrics().scrape());
        for (int wait = 0; wait < 100 && metrics.sum("mlgate_shadow_predictions_total", labels) < 200; wait++) {
            Thread.sleep(50);
            metrics = MetricsText.parse(server.metrics().scrape());
        }
        assertThat(metrics.sum("mlgate_shadow_predictions_total", labels)).isEqualTo(200);
        assertThat(metrics.sum("mlgate_shadow_score_diff_count", labels)).isEqualTo(200);
        assertThat(metrics.find("mlgate_shadow_predictions_total", labels)).allSatisfy(
                s -> assertThat(s.labels().get("agreement")).isIn("agree", "disagree"));
    }

    @Test
    void trafficPercentGaugesFollowTheSplit() {
        server.apply(CREDIT, new TrafficSplit(LOGISTIC, XGBOOST, 25, null));

        MetricsText metrics = MetricsText.parse(server.metrics().scrape());

        assertThat(metrics.value("mlgate_traffic_percent", Map.of("model", CREDIT, "version", LOGISTIC, "role", "stable")))
                .isEqualTo(75.0);
        assertThat(metrics.value("mlgate_traffic_percent", Map.of("model", CREDIT, "version", XGBOOST, "role", "canary")))
                .isEqualTo(25.0);
    }
}
