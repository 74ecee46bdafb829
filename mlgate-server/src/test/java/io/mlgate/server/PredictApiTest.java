package io.mlgate.server;

import static io.mlgate.server.TestModels.AMES;
import static io.mlgate.server.TestModels.CREDIT;
import static io.mlgate.server.TestModels.XGBOOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public API on the happy path: predictions, model info, health. */
class PredictApiTest {
    static TestModels models;
    static MlgateServer server;
    static Http http;

    @BeforeAll
    static void start() {
        models = TestModels.get();
        server = MlgateServer.serve(models.options(), Map.of(CREDIT, XGBOOST, AMES, "1"));
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void classificationAnswersClassScoreAndProbabilitiesWithTheVersion() {
        Http.Reply reply = http.predict(CREDIT, models.holdout().subList(0, 3));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(json.get("model").asText()).isEqualTo(CREDIT);
        assertThat(json.get("version").asText()).isEqualTo(XGBOOST);
        assertThat(json.get("request_id").asText()).isNotBlank();
        assertThat(json.get("predictions")).hasSize(3);
        for (JsonNode p : json.get("predictions")) {
            assertThat(p.get("prediction").asText()).isIn("good", "bad");
            assertThat(p.get("score").asDouble()).isBetween(0.0, 1.0);
            assertThat(p.get("probabilities").get("bad").asDouble() + p.get("probabilities").get("good").asDouble())
                    .isCloseTo(1.0, within(1e-6));
            assertThat(p.get("score").asDouble()).isEqualTo(p.get("probabilities").get("bad").asDouble());
        }
    }

    @Test
    void answersAreTheModelsOwnPredictions() {
        List<Map<String, String>> rows = models.holdout().subList(0, 20);
        LoadedModel loaded = server.host().routing(CREDIT).stable();

        JsonNode predictions = http.predict(CREDIT, rows).json().get("predictions");

        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> expected = loaded.predictor().predictRow(rows.get(i));
            assertThat(predictions.get(i).get("prediction").asText()).isEqualTo(expected.get("prediction"));
            assertThat(predictions.get(i).get("score").asDouble()).isEqualTo((Double) expected.get("score"));
        }
    }

    @Test
    void regressionAnswersANumber() {
        List<Map<String, String>> rows = TestModels.rows(models.root.resolve("ames/data/holdout.csv"), "Sale_Price").subList(0, 2);

        Http.Reply reply = http.predict(AMES, rows);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode p = reply.json().get("predictions").get(0);
        assertThat(p.get("prediction").isNumber()).isTrue();
        assertThat(p.get("prediction").asDouble()).isBetween(10_000.0, 1_000_000.0);
        assertThat(p.has("probabilities")).isFalse();
    }

    @Test
    void jsonNumbersBooleansAndNullAreAccepted() {
        String body = "{\"rows\": [{\"funded_amnt\": 6000, \"term\": \"term_36\", \"int_rate\": 12.99, \"sub_grade\": \"C2\","
                + " \"addr_state\": \"CA\", \"verification_status\": \"Verified\", \"annual_inc\": 33000, \"emp_length\": \"emp_unk\","
                + " \"delinq_2yrs\": 0, \"inq_last_6mths\": 2, \"revol_util\": 34.3, \"acc_now_delinq\": 0, \"open_il_6m\": 1,"
                + " \"open_il_12m\": 0, \"open_il_24m\": 1, \"total_bal_il\": 6251, \"all_util\": 39, \"inq_fi\": 0,"
                + " \"inq_last_12m\": 3, \"delinq_amnt\": 0, \"num_il_tl\": 3, \"total_il_high_credit_limit\": 10000,"
                + " \"comment\": null, \"flag\": true}]}";

        assertThat(http.post("/v1/models/credit-risk:predict", body).status()).isEqualTo(200);
    }

    @Test
    void instancesIsAnAliasOfRows() {
        Http.Reply reply = http.post("/v1/models/credit-risk:predict", Http.json(Map.of("instances", models.holdout().subList(0, 2))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("predictions")).hasSize(2);
    }

    @Test
    void requestIdIsHonouredAndEchoed() {
        Http.Reply reply = http.post("/v1/models/credit-risk:predict", Http.json(Map.of("rows", models.holdout().subList(0, 1))),
                "X-Request-Id", "abc-123");

        assertThat(reply.header("X-Request-Id")).isEqualTo("abc-123");
        assertThat(reply.json().get("request_id").asText()).isEqualTo("abc-123");
    }

    @Test
    void modelInfoListsVersionsAndTraffic() {
        JsonNode info = http.get("/v1/models/credit-risk").json();

        assertThat(info.get("name").asText()).isEqualTo(CREDIT);
        assertThat(info.get("traffic").get("stable").asText()).isEqualTo(XGBOOST);
        assertThat(info.get("traffic").get("canary_percent").asInt()).isZero();
        JsonNode version = info.get("versions").get(0);
        assertThat(version.get("version").asText()).isEqualTo(XGBOOST);
        assertThat(version.get("role").asText()).isEqualTo("stable");
        assertThat(version.get("trainer").asText()).isEqualTo("xgboost");
        assertThat(version.get("loaded_at").asText()).isNotBlank();
    }

    @Test
    void bodyOverTenMegabytesIs413() {
        String big = "{\"rows\": [{\"pad\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}]}";

        Http.Reply reply = http.post("/v1/models/credit-risk:predict", big);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("field").asText()).isEqualTo("body");
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void modelListHasEveryDeployedModel() {
        JsonNode list = http.get("/v1/models").json().get("models");

        assertThat(list.findValuesAsText("name")).containsExactly(AMES, CREDIT);
    }

    @Test
    void healthIsUpAndReadyWithTheDeployedModels() {
        Http.Reply reply = http.get("/health");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode health = reply.json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("live").asBoolean()).isTrue();
        assertThat(health.get("ready").asBoolean()).isTrue();
        assertThat(health.get("models").get(CREDIT).asText()).isEqualTo("stable " + XGBOOST);
    }

    @Test
    void healthIsNotReadyUntilStartupLoadingFinished() throws Exception {
        try (MlgateServer starting = new MlgateServer(models.options())) {
            starting.start();
            Http client = new Http(starting);

            assertThat(client.get("/health").status()).isEqualTo(503);
            assertThat(client.get("/health").json().get("ready").asBoolean()).isFalse();
            assertThat(client.predict(CREDIT, models.holdout().subList(0, 1)).status()).isEqualTo(503);

            starting.markReady();
            assertThat(client.get("/health").status()).isEqualTo(200);
        }
    }

}
