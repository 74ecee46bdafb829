package io.mlgate.server;

import static io.mlgate.server.TestModels.CREDIT;
import static io.mlgate.server.TestModels.LOGISTIC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every bad request gets a 4xx naming what is wrong; the server keeps serving. */
class BadInputTest {
    static TestModels models;
    static MlgateServer server;
    static Http http;
    static final String PREDICT = "/v1/models/credit-risk:predict";

    @BeforeAll
    static void start() {
        models = TestModels.get();
        server = MlgateServer.serve(models.options().withLimits(64 * 1024, 50), Map.of(CREDIT, LOGISTIC));
        http = new Http(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static Map<String, String> row() {
        return new LinkedHashMap<>(models.holdout().get(0));
    }

    private static String rows(Object... rows) {
        return Http.json(Map.of("rows", List.of(rows)));
    }

    private static void assertBadRequest(Http.Reply reply, String field, String messagePart) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        JsonNode json = reply.json();
        assertThat(json.get("field").asText()).isEqualTo(field);
        assertThat(json.get("error").asText()).contains(messagePart);
    }

    @Test
    void bodyThatIsNotJsonNamesTheBody() {
        assertBadRequest(http.post(PREDICT, "{\"rows\": [ {\"a\": 1"), "body", "not valid JSON");
    }

    @Test
    void emptyBodyNamesTheBody() {
        assertBadRequest(http.post(PREDICT, ""), "body", "empty");
    }

    @Test
    void bodyThatIsNotAnObjectNamesTheBody() {
        assertBadRequest(http.post(PREDICT, "[1, 2]"), "body", "must be a JSON object");
    }

    @Test
    void bodyWithoutRowsNamesRows() {
        assertBadRequest(http.post(PREDICT, "{\"data\": []}"), "rows", "no rows");
    }

    @Test
    void rowsThatIsNotAnArrayNamesRows() {
        assertBadRequest(http.post(PREDICT, "{\"rows\": {\"a\": 1}}"), "rows", "must be an array");
    }

    @Test
    void emptyRowsNamesRows() {
        assertBadRequest(http.post(PREDICT, "{\"rows\": []}"), "rows", "empty");
    }

    @Test
    void rowThatIsNotAnObjectNamesTheRow() {
        assertBadRequest(http.post(PREDICT, rows(row(), row(), 42)), "rows[2]", "must be an object");
    }

    @Test
    void numberColumnWithTextNamesRowAndColumn() {
        Map<String, String> bad = row();
        bad.put("int_rate", "twelve");

        assertBadRequest(http.post(PREDICT, rows(row(), row(), bad)), "rows[2].int_rate", "'twelve', which is not a number");
    }

    @Test
    void numberColumnWithABooleanNamesTheColumn() {
        Map<String, Object> bad = new LinkedHashMap<>(row());
        bad.put("annual_inc", true);

        assertBadRequest(http.post(PREDICT, rows(bad)), "rows[0].annual_inc", "not a number");
    }

    @Test
    void nestedValueNamesTheColumn() {
        Map<String, Object> bad = new LinkedHashMap<>(row());
        bad.put("term", List.of("term_36"));

        assertBadRequest(http.post(PREDICT, rows(bad)), "rows[0].term", "is an array");
    }

    @Test
    void missingRequiredColumnNamesTheColumn() {
        Map<String, String> bad = row();
        bad.remove("funded_amnt");

        assertBadRequest(http.post(PREDICT, rows(bad)), "rows[0].funded_amnt", "missing");
    }

    @Test
    void instancesErrorsNameInstances() {
        Map<String, String> bad = row();
        bad.put("int_rate", "x");

        assertBadRequest(http.post(PREDICT, Http.json(Map.of("instances", List.of(bad)))), "instances[0].int_rate", "not a number");
    }

    @Test
    void tooManyRowsNamesRows() {
        List<Map<String, String>> many = new ArrayList<>(Collections.nCopies(51, Map.of("int_rate", "1")));

        assertBadRequest(http.post(PREDICT, Http.json(Map.of("rows", many))), "rows", "at most 50");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = "{\"rows\": [{\"pad\": \"" + "x".repeat(70 * 1024) + "\"}]}";

        Http.Reply reply = http.post(PREDICT, big);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asText()).contains("at most 65536");
    }

    @Test
    void streamedBodyWithoutLengthOverTheLimitIs413() throws Exception {
        byte[] big = ("{\"rows\": [{\"pad\": \"" + "x".repeat(70 * 1024) + "\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(server.uri().resolve(PREDICT))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();

        java.net.http.HttpResponse<String> reply = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(413);
    }

    @Test
    void streamedBodyWithoutLengthIsRead() throws Exception {
        byte[] body = rows(row()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(server.uri().resolve(PREDICT))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build();

        java.net.http.HttpResponse<String> reply = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void unknownModelIs404ListingDeployedModels() {
        Http.Reply reply = http.predict("no-such-model", List.of(row()));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).contains("unknown model 'no-such-model'").contains(CREDIT);
    }

    @Test
    void registeredModelThatIsNotDeployedIs503() {
        Http.Reply reply = http.predict(TestModels.AMES, List.of(row()));

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("error").asText()).contains("not deployed");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Http.Reply reply = http.get(PREDICT);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).isEqualTo("POST");
        assertThat(http.delete("/v1/models/credit-risk").status()).isEqualTo(405);
        assertThat(http.post("/health", "{}").status()).isEqualTo(405);
    }

    @Test
    void unknownPathIs404ListingEndpoints() {
        Http.Reply reply = http.get("/v2/whatever");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("error").asText()).contains("POST /v1/models/{name}:predict");
    }

    @Test
    void serverKeepsServingAfterBadInput() {
        http.post(PREDICT, "garbage");
        http.post(PREDICT, "{\"rows\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}");
        http.post(PREDICT, "{\"rows\": [" + "[".repeat(5000) + "]}");

        assertThat(http.predict(CREDIT, List.of(row())).status()).isEqualTo(200);
    }

    @Test
    void badRequestsAreCountedByStatus() {
        http.post(PREDICT, "garbage");

        assertThat(new String(server.metrics().scrape()))
                .contains("mlgate_requests_total{model=\"credit-risk\",status=\"400\",version=\"1\"}");
    }
}
