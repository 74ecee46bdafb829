package io.mlgate.core.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.registry.ModelRegistry;
import io.mlgate.core.train.ModelArtifact;
import io.mlgate.core.train.Predictor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for {@code mlgate serve} that honours the issue 3 admin contract: Bearer token
 * (401 with WWW-Authenticate without it, 403 when none is configured), GET/PUT traffic, DELETE,
 * /health and predict answered by the registered artifacts. Versions in {@link #sabotaged} answer
 * with the other class, as a broken build would. JDK HttpServer: tests only. Public: the CLI's
 * tests use it too, through mlgate-core's test jar.
 */
public final class FakeModelServer implements AutoCloseable {
    private static final ObjectMapper JSON = ConfigLoader.jsonMapper();
    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** Versions that answer with the other class. */
    public final Set<String> sabotaged = ConcurrentHashMap.newKeySet();
    private final HttpServer server;
    private final ModelRegistry registry;
    private final String token;
    private final Map<String, TrafficSplit> traffic = new ConcurrentHashMap<>();
    private final Map<String, Predictor> loaded = new ConcurrentHashMap<>();
    private final Random random = new Random(7);

    public FakeModelServer(ModelRegistry registry, String token) throws IOException {
        this.registry = registry;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public TrafficSplit traffic(String model) {
        return traffic.getOrDefault(model, TrafficSplit.none());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/health")) {
                ObjectNode models = PLAIN.createObjectNode();
                traffic.forEach((m, t) -> models.put(m, t.describe()));
                reply(exchange, 200, PLAIN.createObjectNode().put("status", "UP").put("live", true).put("ready", true).set("models", models));
            } else if (path.startsWith("/admin/")) {
                admin(exchange, method, path.substring("/admin/models/".length()));
            } else if (path.startsWith("/v1/models/") && path.endsWith(":predict") && method.equals("POST")) {
                predict(exchange, path.substring("/v1/models/".length(), path.length() - ":predict".length()));
            } else {
                reply(exchange, 404, error("no such path " + path));
            }
        } catch (Exception | Error e) {
            // a broken fake must show up in the test's message, not as a dropped connection
            reply(exchange, 500, error(e.toString()));
        }
    }

    private void admin(HttpExchange exchange, String method, String rest) throws IOException {
        if (token == null) {
            reply(exchange, 403, error("admin API disabled: start with --admin-token-file"));
            return;
        }
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.equals("Bearer " + token)) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
            reply(exchange, 401, error("missing or wrong admin token"));
            return;
        }
        String model = rest.endsWith("/traffic") ? rest.substring(0, rest.length() - "/traffic".length()) : rest;
        switch (method) {
            case "GET" -> {
                TrafficSplit t = traffic.get(model);
                if (t == null) {
                    reply(exchange, 404, error("model " + model + " is not deployed"));
                } else {
                    reply(exchange, 200, JSON.valueToTree(t));
                }
            }
            case "PUT" -> {
                TrafficSplit t = JSON.readValue(exchange.getRequestBody().readAllBytes(), TrafficSplit.class);
                for (String v : new String[] {t.stable(), t.canary(), t.shadow()}) {
                    if (v != null && registry.version(model, v).isEmpty()) {
                        reply(exchange, 400, error("unknown version " + v + " of " + model));
                        return;
                    }
                    if (v != null) {
                        predictor(model, v);
                    }
                }
                traffic.put(model, t);
                reply(exchange, 200, JSON.valueToTree(t));
            }
            case "DELETE" -> {
                traffic.remove(model);
                reply(exchange, 200, PLAIN.createObjectNode());
            }
            default -> reply(exchange, 405, error("method " + method));
        }
    }

    private void predict(HttpExchange exchange, String model) throws IOException {
        TrafficSplit t = traffic.get(model);
        if (t == null) {
            reply(exchange, 404, error("model " + model + " is not deployed"));
            return;
        }
        String version = t.canary() != null && random.nextInt(100) < t.canaryPercent() ? t.canary() : t.stable();
        JsonNode body = PLAIN.readTree(exchange.getRequestBody().readAllBytes());
        ArrayNode predictions = PLAIN.createArrayNode();
        for (JsonNode row : body.path("rows")) {
            Map<String, String> cells = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                cells.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
            Map<String, Object> p = new LinkedHashMap<>(predictor(model, version).predictRow(cells));
            if (sabotaged.contains(version)) {
                p.put("prediction", "bad".equals(p.get("prediction")) ? "good" : "bad");
            }
            predictions.add(PLAIN.valueToTree(p));
        }
        ObjectNode out = PLAIN.createObjectNode().put("model", model).put("version", version).put("request_id", "test");
        out.set("predictions", predictions);
        reply(exchange, 200, out);
    }

    private Predictor predictor(String model, String version) {
        return loaded.computeIfAbsent(model + "/" + version, k -> ModelArtifact.load(registry.modelDirectory(model, version)).predictor());
    }

    private static JsonNode error(String message) {
        return PLAIN.createObjectNode().put("error", message);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
