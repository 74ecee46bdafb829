package io.mlgate.server;

import static io.mlgate.server.TestModels.CREDIT;
import static io.mlgate.server.TestModels.LOGISTIC;
import static io.mlgate.server.TestModels.XGBOOST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import io.mlgate.core.deploy.TrafficSplit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token-protected admin API that deploy targets drive. */
class AdminApiTest {
    static final String TOKEN = "s3cret-token";
    static final String TRAFFIC = "/admin/models/credit-risk/traffic";
    static TestModels models;
    static MlgateServer server;
    static Http http;

    @BeforeAll
    static void start() {
        models = TestModels.get();
        server = MlgateServer.serve(models.options().withAdminToken(TOKEN), Map.of());
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void onlyLogisticDeployed() {
        server.apply(CREDIT, TrafficSplit.only(LOGISTIC));
    }

    private Http.Reply put(String body) {
        return http.put(TRAFFIC, body, "Authorization", "Bearer " + TOKEN);
    }

    @Test
    void withoutTokenIs401WithBearerChallenge() {
        Http.Reply reply = http.get(TRAFFIC);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(reply.json().get("error").asText()).contains("Authorization: Bearer");
    }

    @Test
    void wrongTokenIs401AndChangesNothing() {
        Http.Reply reply = http.put(TRAFFIC, "{\"stable\": \"2\"}", "Authorization", "Bearer wrong");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(server.host().routing(CREDIT).split().stable()).isEqualTo(LOGISTIC);
    }

    @Test
    void noTokenConfiguredIs403SayingHowToSetOne() {
        try (MlgateServer open = MlgateServer.serve(models.options(), Map.of())) {
            Http.Reply reply = new Http(open).get(TRAFFIC, "Authorization", "Bearer anything");

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json().get("error").asText()).contains("--admin-token-file").contains("MLGATE_ADMIN_TOKEN");
        }
    }

    @Test
    void getTrafficReturnsTheSplit() {
        Http.Reply reply = http.get(TRAFFIC, "Authorization", "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("stable").asText()).isEqualTo(LOGISTIC);
    }

    @Test
    void putTrafficSwapsTheAnsweringVersion() {
        Http.Reply reply = put("{\"stable\": \"2\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("stable").asText()).isEqualTo(XGBOOST);
        assertThat(http.predict(CREDIT, models.holdout().subList(0, 1)).json().get("version").asText()).isEqualTo(XGBOOST);
    }

    @Test
    void putTrafficSetsCanaryAndShadow() {
        JsonNode split = put("{\"stable\": \"1\", \"canary\": \"2\", \"canary_percent\": 10, \"shadow\": \"2\"}").json();

        assertThat(split.get("canary").asText()).isEqualTo(XGBOOST);
        assertThat(split.get("canary_percent").asInt()).isEqualTo(10);
        assertThat(split.get("shadow").asText()).isEqualTo(XGBOOST);
        assertThat(http.get("/v1/models/credit-risk").json().get("versions").findValuesAsText("role"))
                .containsExactly("stable", "canary", "shadow");
    }

    @Test
    void splitJsonReadsBackWithTheStrictMapper() throws Exception {
        String body = put("{\"stable\": \"1\", \"canary\": \"2\", \"canary_percent\": 10}").body();

        TrafficSplit split = io.mlgate.core.config.ConfigLoader.jsonMapper().readValue(body, TrafficSplit.class);

        assertThat(split).isEqualTo(new TrafficSplit(LOGISTIC, XGBOOST, 10, null));
    }

    @Test
    void unknownVersionIs400ListingRegisteredOnes() {
        Http.Reply reply = put("{\"stable\": \"9\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("stable");
        assertThat(reply.json().get("error").asText()).contains("no version '9'").contains("[1, 2]");
        assertThat(server.host().routing(CREDIT).split().stable()).isEqualTo(LOGISTIC);
    }

    @Test
    void badSplitsAre400NamingTheField() {
        assertThat(put("{\"stable\": \"1\", \"canary\": \"2\", \"canary_percent\": 150}").json().get("field").asText())
                .isEqualTo("canary_percent");
        assertThat(put("{\"stable\": \"1\", \"weight\": 3}").json().get("field").asText()).isEqualTo("weight");
        assertThat(put("{\"canary\": \"2\", \"canary_percent\": 5}").json().get("field").asText()).isEqualTo("canary");
        assertThat(put("not json").json().get("field").asText()).isEqualTo("body");
        assertThat(put("{\"stable\": [1]}").status()).isEqualTo(400);
    }

    @Test
    void modelNotInTheRegistryIs404() {
        Http.Reply reply = http.put("/admin/models/nope/traffic", "{\"stable\": \"1\"}", "Authorization", "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).contains("not in the registry").contains(CREDIT);
    }

    @Test
    void deleteUndeploysAndPredictThenAnswers503() {
        Http.Reply reply = http.delete("/admin/models/credit-risk", "Authorization", "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(http.predict(CREDIT, models.holdout().subList(0, 1)).status()).isEqualTo(503);
        assertThat(http.get("/health").json().get("models").has(CREDIT)).isFalse();
        assertThat(http.delete("/admin/models/credit-risk", "Authorization", "Bearer " + TOKEN).status()).isEqualTo(404);
    }

    @Test
    void deployingAModelTheServerDidNotStartWithWorks() {
        Http.Reply reply = http.put("/admin/models/ames-price/traffic", "{\"stable\": 1}", "Authorization", "Bearer " + TOKEN);

        assertThat(reply.status()).isEqualTo(200);
        List<Map<String, String>> rows = TestModels.rows(models.root.resolve("ames/data/holdout.csv"), "Sale_Price").subList(0, 1);
        assertThat(http.predict(TestModels.AMES, rows).status()).isEqualTo(200);
    }
}
