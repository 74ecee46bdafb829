package io.mlgate.core.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlgate.core.config.ConfigLoader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A java.net.http client of the HTTP API of {@code mlgate serve} (the issue 3 contract): the
 * token-protected admin calls and the public predict and health calls. Every failure becomes a
 * {@link DeployException} that says what to do (start the server, set the token, ...).
 */
public final class ModelServerClient {
    /** snake_case like every mlgate file, but lenient: a newer server may add fields or spell a version as a number. */
    private static final ObjectMapper JSON = ConfigLoader.jsonMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, true);
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final URI base;
    private final String token;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param base    e.g. {@code http://127.0.0.1:8080}
     * @param token   the admin token, or null (admin calls then fail with a message saying how to set one)
     * @param timeout per call
     */
    public ModelServerClient(URI base, String token, Duration timeout) {
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.token = token == null || token.isBlank() ? null : token.strip();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    public URI base() {
        return base;
    }

    /** {@code GET /admin/models/{name}/traffic}; a model the server does not know is not deployed. */
    public TrafficSplit traffic(String model) {
        Reply reply = send("GET", "/admin/models/" + path(model) + "/traffic", null, true);
        if (reply.status == 404) {
            return TrafficSplit.none();
        }
        expectOk(reply, "read the traffic of " + model);
        return readTraffic(reply.body, model);
    }

    /** {@code PUT /admin/models/{name}/traffic}: the server loads, warms and swaps, and returns the new state. */
    public TrafficSplit putTraffic(String model, TrafficSplit split) {
        String body;
        try {
            body = JSON.writeValueAsString(split);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + split, e);
        }
        Reply reply = send("PUT", "/admin/models/" + path(model) + "/traffic", body, true);
        expectOk(reply, "set the traffic of " + model + " to " + split.describe());
        return reply.body.isBlank() ? split : readTraffic(reply.body, model);
    }

    /** {@code DELETE /admin/models/{name}}; undeploying a model that is not deployed is fine. */
    public void undeploy(String model) {
        Reply reply = send("DELETE", "/admin/models/" + path(model), null, true);
        if (reply.status != 404) {
            expectOk(reply, "undeploy " + model);
        }
    }

    /** {@code GET /health}: 200 and ready, or 503 while the server is still loading. */
    public Health health(String model) {
        Reply reply = send("GET", "/health", null, false);
        JsonNode node = readTree(reply.body);
        boolean live = node == null ? reply.status == 200 : node.path("live").asBoolean(reply.status == 200);
        boolean ready = reply.status == 200 && (node == null || node.path("ready").asBoolean(true));
        String status = node == null ? "HTTP " + reply.status : node.path("status").asText("HTTP " + reply.status);
        String serving = node == null ? "" : node.path("models").path(model).asText("");
        return new Health(live, ready, status + (serving.isEmpty() ? "" : ", " + model + " " + serving) + " at " + base);
    }

    /** {@code POST /v1/models/{name}:predict} with the rows as JSON strings (empty cells as null). */
    public ServedPredictions predict(String model, List<Map<String, String>> rows) {
        ObjectNode request = PLAIN.createObjectNode();
        ArrayNode array = request.putArray("rows");
        for (Map<String, String> row : rows) {
            ObjectNode r = array.addObject();
            row.forEach((k, v) -> {
                if (v == null || v.isEmpty()) {
                    r.putNull(k);
                } else {
                    r.put(k, v);
                }
            });
        }
        Reply reply = send("POST", "/v1/models/" + path(model) + ":predict", request.toString(), false);
        expectOk(reply, "predict with " + model);
        try {
            JsonNode node = PLAIN.readTree(reply.body);
            List<Map<String, Object>> predictions = new ArrayList<>();
            for (JsonNode p : node.path("predictions")) {
                predictions.add(PLAIN.convertValue(p, new TypeReference<Map<String, Object>>() { }));
            }
            return new ServedPredictions(node.path("version").asText(null), predictions);
        } catch (IOException e) {
            throw new DeployException("the model server at " + base + " answered the predict call with something that is not JSON: "
                    + abbreviate(reply.body), e);
        }
    }

    private record Reply(int status, String body) {
    }

    private Reply send(String method, String path, String body, boolean admin) {
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (admin && token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new DeployException("cannot reach the model server at " + base + " (connection refused); start it with "
                    + "'mlgate serve --config mlgate.yaml --port " + (uri.getPort() < 0 ? 8080 : uri.getPort())
                    + " --admin-token-file <file>' or point deploy.url (--url) at a running one", e);
        } catch (HttpTimeoutException e) {
            throw new DeployException("the model server at " + base + " did not answer " + method + " " + path + " within "
                    + timeout.toSeconds() + " s; check the server log, or raise deploy.timeout_seconds", e);
        } catch (IOException e) {
            throw new DeployException("calling the model server at " + base + " (" + method + " " + path + ") failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while calling the model server at " + base, e);
        }
        Reply reply = new Reply(response.statusCode(), response.body() == null ? "" : response.body());
        if (admin && reply.status == 401) {
            throw new DeployException(token == null
                    ? "the model server at " + base + " answered 401: no admin token was sent; put the token 'mlgate serve' was started "
                            + "with into the file deploy.admin_token_file or the environment variable " + io.mlgate.core.config.DeploySpec.DEFAULT_TOKEN_ENV
                    : "the model server at " + base + " answered 401: the admin token was refused; use the token 'mlgate serve' was "
                            + "started with (deploy.admin_token_file or " + io.mlgate.core.config.DeploySpec.DEFAULT_TOKEN_ENV + ")");
        }
        if (admin && reply.status == 403) {
            throw new DeployException("the model server at " + base + " has its admin API disabled (403: " + error(reply)
                    + "); restart it with 'mlgate serve --admin-token-file <file>' or with " + io.mlgate.core.config.DeploySpec.DEFAULT_TOKEN_ENV + " set");
        }
        return reply;
    }

    private void expectOk(Reply reply, String what) {
        if (reply.status / 100 != 2) {
            throw new DeployException("the model server at " + base + " could not " + what + ": HTTP " + reply.status + " " + error(reply));
        }
    }

    private static String error(Reply reply) {
        JsonNode node = readTree(reply.body);
        if (node != null && node.hasNonNull("error")) {
            return node.get("error").asText() + (node.hasNonNull("field") ? " (field " + node.get("field").asText() + ")" : "");
        }
        return abbreviate(reply.body);
    }

    private TrafficSplit readTraffic(String body, String model) {
        try {
            JsonNode node = PLAIN.readTree(body);
            // GET /v1/models/{name} nests it under "traffic"; the admin call returns it bare
            JsonNode traffic = node.has("traffic") ? node.get("traffic") : node;
            return JSON.treeToValue(traffic, TrafficSplit.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new DeployException("the model server at " + base + " answered with a traffic split of " + model
                    + " that cannot be read: " + abbreviate(body) + " (" + e.getMessage() + ")", e);
        }
    }

    private static JsonNode readTree(String body) {
        try {
            return body == null || body.isBlank() ? null : PLAIN.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }

    private static String path(String model) {
        return URLEncoder.encode(model, StandardCharsets.UTF_8);
    }
}
