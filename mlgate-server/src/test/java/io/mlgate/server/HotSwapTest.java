package io.mlgate.server;

import static io.mlgate.server.TestModels.CREDIT;
import static io.mlgate.server.TestModels.LOGISTIC;
import static io.mlgate.server.TestModels.XGBOOST;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Swapping the answering version under load fails no request. */
class HotSwapTest {
    static final String TOKEN = "swap-token";

    @Test
    void tenHotSwapsWhileFourClientsSendRequestsFailNothing() throws Exception {
        TestModels models = TestModels.get();
        List<Map<String, String>> rows = models.holdout().subList(0, 200);
        try (MlgateServer server = MlgateServer.serve(models.options().withAdminToken(TOKEN), Map.of(CREDIT, LOGISTIC))) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger sent = new AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            Set<String> answeredBy = ConcurrentHashMap.newKeySet();
            List<Thread> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                Thread client = new Thread(() -> {
                    Http http = new Http(server);
                    for (int i = offset; running.get(); i += 4) {
                        sent.incrementAndGet();
                        try {
                            Http.Reply reply = http.predict(CREDIT, List.of(rows.get(i % rows.size())));
                            if (reply.status() != 200) {
                                failures.add(reply.status() + " " + reply.body());
                            } else {
                                answeredBy.add(reply.json().get("version").asText());
                            }
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                    }
                }, "client-" + t);
                client.start();
                clients.add(client);
            }

            Http admin = new Http(server);
            for (int swap = 1; swap <= 10; swap++) {
                Thread.sleep(100);
                String version = swap % 2 == 1 ? XGBOOST : LOGISTIC;
                Http.Reply reply = admin.put("/admin/models/credit-risk/traffic", "{\"stable\": \"" + version + "\"}",
                        "Authorization", "Bearer " + TOKEN);
                assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            }
            Thread.sleep(100);
            running.set(false);
            for (Thread client : clients) {
                client.join(30_000);
            }

            assertThat(failures).isEmpty();
            assertThat(sent.get()).isGreaterThan(40);
            assertThat(answeredBy).containsExactlyInAnyOrder(LOGISTIC, XGBOOST);
            assertThat(server.host().routing(CREDIT).split().stable()).isEqualTo(LOGISTIC);
        }
    }
}
