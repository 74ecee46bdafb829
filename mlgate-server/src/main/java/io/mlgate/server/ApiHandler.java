package io.mlgate.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.data.DataException;
import io.mlgate.core.deploy.TrafficSplit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every HTTP endpoint of {@code mlgate serve}, as one Jetty core handler (no servlets): predict,
 * model info, health, metrics and the token-protected admin API. Bad input is always a 4xx with
 * a JSON body {@code {"error": ..., "field": ...}}; a failure inside a model is a 500 with a
 * message, and the server keeps serving.
 */
final class ApiHandler extends Handler.Abstract {
    static final String MODELS = "/v1/models";
    static final String PREDICT_SUFFIX = ":predict";
    static final String ADMIN_MODELS = "/admin/models/";
    static final String REQUEST_ID = "X-Request-Id";
    private static final String JSON_TYPE = "application/json";
    private static final long ADMIN_MAX_BODY = 64 * 1024;
    private static final int IDLE_READ_SECONDS = 30;
    private static final String ENDPOINTS = "POST /v1/models/{name}:predict, GET /v1/models, GET /v1/models/{name}, GET /health, "
            + "GET /metrics, GET|PUT /admin/models/{name}/traffic, DELETE /admin/models/{name}";
    private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());

    private static final ObjectMapper JSON = ConfigLoader.jsonMapper().copy()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final ModelHost host;
    private final ServerMetrics metrics;
    private final AdminAuth auth;
    private final BooleanSupplier ready;
    private final long maxBodyBytes;
    private final int maxRows;

    private final PredictionLog predictionLog;

    ApiHandler(ModelHost host, AdminAuth auth, BooleanSupplier ready, long maxBodyBytes, int maxRows) {
        this(host, auth, ready, maxBodyBytes, maxRows, null);
    }

    /** @param predictionLog where answered rows are logged, or null for no log */
    ApiHandler(ModelHost host, AdminAuth auth, BooleanSupplier ready, long maxBodyBytes, int maxRows, PredictionLog predictionLog) {
        this.predictionLog = predictionLog;
        this.host = host;
        this.metrics = host.metrics();
        this.auth = auth;
        this.ready = ready;
        this.maxBodyBytes = maxBodyBytes;
        this.maxRows = maxRows;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        try {
            if (path.startsWith(MODELS + "/")) {
                String rest = path.substring(MODELS.length() + 1);
                if (rest.endsWith(PREDICT_SUFFIX) && rest.indexOf('/') < 0) {
                    predict(request, response, callback, rest.substring(0, rest.length() - PREDICT_SUFFIX.length()));
                } else if (!rest.isEmpty() && rest.indexOf('/') < 0 && rest.indexOf(':') < 0) {
                    allow(request, "GET");
                    Routing routing = host.routing(rest);
                    if (routing == null) {
                        throw unknownModel(rest);
                    }
                    sendJson(response, callback, 200, modelInfo(routing));
                } else {
                    throw noEndpoint(request, path);
                }
            } else if (path.equals(MODELS) || path.equals(MODELS + "/")) {
                allow(request, "GET");
                List<Object> models = new ArrayList<>();
                host.routings().stream().sorted((a, b) -> a.model().compareTo(b.model())).forEach(r -> models.add(modelInfo(r)));
                sendJson(response, callback, 200, Map.of("models", models));
            } else if (path.equals("/health")) {
                allow(request, "GET");
                boolean isReady = ready.getAsBoolean();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", isReady ? "UP" : "STARTING");
                body.put("live", true);
                body.put("ready", isReady);
                body.put("models", host.describe());
                sendJson(response, callback, isReady ? 200 : 503, body);
            } else if (path.equals("/metrics")) {
                allow(request, "GET");
                send(response, callback, 200, metrics.contentType(), metrics.scrape());
            } else if (path.startsWith(ADMIN_MODELS)) {
                admin(request, response, callback, path.substring(ADMIN_MODELS.length()));
            } else {
                throw noEndpoint(request, path);
            }
        } catch (ServerException e) {
            sendError(request, response, callback, e);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.SEVERE, request.getMethod() + " " + path + " failed", e);
            sendError(request, response, callback, new ServerException(500, null, "internal error while serving " + request.getMethod() + " "
                    + path + ": " + e + " (the server keeps running; please report it)"));
        }
        return true;
    }

    // ------------------------------------------------------------------ predict

    private void predict(Request request, Response response, Callback callback, String model) {
        long start = request.getHeadersNanoTime();
        String requestId = requestId(request);
        response.getHeaders().put(REQUEST_ID, requestId);
        Routing routing = host.routing(model);
        String label = routing == null ? null : model;
        try {
            allow(request, "POST");
            if (!ready.getAsBoolean()) {
                throw new ServerException(503, null, "the server is starting and still loading models; retry shortly (GET /health says when it is ready)");
            }
            if (routing == null) {
                if (!host.isKnown(model)) {
                    throw unknownModel(model);
                }
                label = model;
                throw notDeployed(model);
            }
            if (!routing.isDeployed()) {
                throw notDeployed(model);
            }
        } catch (ServerException e) {
            metrics.request(label, e.status());
            sendError(request, response, callback, e);
            return;
        }
        LoadedModel chosen = routing.choose(ThreadLocalRandom.current().nextInt(100));
        int status = 200;
        List<Map<String, String>> rows = null;
        List<Map<String, Object>> results = null;
        try {
            byte[] body = readBody(request, maxBodyBytes);
            Rows parsed = parseRows(body);
            rows = parsed.rows();
            results = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                results.add(predictOne(chosen, rows.get(i), parsed.key() + "[" + i + "]"));
            }
            send(response, callback, 200, JSON_TYPE, predictionJson(model, chosen.version(), requestId, results));
        } catch (ServerException e) {
            status = e.status();
            sendError(request, response, callback, e);
        } catch (RuntimeException | StackOverflowError e) {
            status = 500;
            LOG.log(Level.SEVERE, model + " version " + chosen.version() + " failed on request " + requestId, e);
            sendError(request, response, callback, new ServerException(500, null, "internal error in " + model + " version " + chosen.version()
                    + ": " + e + " (the server keeps running)"));
        } finally {
            chosen.metrics().request(status, System.nanoTime() - start);
        }
        if (status == 200) {
            afterAnswer(routing, chosen, rows, results);
            if (predictionLog != null) {
                predictionLog.offer(model, chosen.version(), requestId, rows, results);
            }
        }
    }

    private static Map<String, Object> predictOne(LoadedModel chosen, Map<String, String> row, String rowField) {
        chosen.input().check(row, rowField);
        try {
            return chosen.predictor().predictRow(row);
        } catch (DataException e) {
            throw ServerException.badRequest(rowField, rowField + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new ServerException(500, rowField, chosen.model() + " version " + chosen.version() + " failed on " + rowField + ": "
                    + e + " (the server keeps running)", e);
        }
    }

    /** Bookkeeping that must never change or fail the answer: predictions, drift, shadow. */
    private void afterAnswer(Routing routing, LoadedModel chosen, List<Map<String, String>> rows, List<Map<String, Object>> results) {
        try {
            for (int i = 0; i < rows.size(); i++) {
                chosen.metrics().predicted(results.get(i).get("prediction"));
                if (chosen.drift() != null) {
                    chosen.drift().record(rows.get(i));
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "metrics of " + chosen.model() + " version " + chosen.version() + " failed", e);
        }
        LoadedModel shadow = routing.shadow();
        if (shadow == null) {
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            try {
                Map<String, Object> mirrored = shadow.predictor().predictRow(rows.get(i));
                compare(chosen, shadow, results.get(i), mirrored);
            } catch (RuntimeException | StackOverflowError e) {
                metrics.shadowError(chosen.model(), chosen.version(), shadow.version());
            }
        }
    }

    /** Classification agrees on the same class; regression within 1% of the answered value. */
    private void compare(LoadedModel answered, LoadedModel shadow, Map<String, Object> a, Map<String, Object> s) {
        Object pa = a.get("prediction");
        Object ps = s.get("prediction");
        boolean agree;
        double diff;
        if (pa instanceof Number na && ps instanceof Number ns) {
            double x = na.doubleValue();
            double y = ns.doubleValue();
            diff = Math.abs(x - y);
            agree = diff <= 0.01 * Math.abs(x);
        } else {
            agree = String.valueOf(pa).equals(String.valueOf(ps));
            diff = scoreDiff(a, s, String.valueOf(pa));
        }
        metrics.shadow(answered.model(), answered.version(), shadow.version(), agree, diff);
    }

    @SuppressWarnings("unchecked")
    private static double scoreDiff(Map<String, Object> a, Map<String, Object> s, String answeredClass) {
        if (a.get("score") instanceof Number x && s.get("score") instanceof Number y) {
            return Math.abs(x.doubleValue() - y.doubleValue());
        }
        if (a.get("probabilities") instanceof Map<?, ?> pa && s.get("probabilities") instanceof Map<?, ?> ps) {
            Object x = ((Map<String, Object>) pa).get(answeredClass);
            Object y = ((Map<String, Object>) ps).get(answeredClass);
            if (x instanceof Number nx) {
                return Math.abs(nx.doubleValue() - (y instanceof Number ny ? ny.doubleValue() : 0.0));
            }
        }
        return Double.NaN;
    }

    /** The rows of a predict body and the key they came under ({@code rows} or {@code instances}). */
    record Rows(String key, List<Map<String, String>> rows) {
    }

    /**
     * Parses a predict body with the streaming parser (no JSON tree: this is the hot path) into
     * rows of column to cell text. Numbers keep their JSON text, booleans become true/false,
     * null an empty cell.
     */
    Rows parseRows(byte[] body) {
        if (body.length == 0) {
            throw ServerException.badRequest("body", "the body is empty; send {\"rows\": [{\"column\": value, ...}]}");
        }
        String key = null;
        List<Map<String, String>> rows = null;
        String field = "body";
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ServerException.badRequest("body", "the body must be a JSON object like {\"rows\": [{\"column\": value, ...}]}, not "
                        + kind(p.currentToken()));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!name.equals("rows") && !name.equals("instances")) {
                    p.skipChildren();
                    continue;
                }
                if (key != null) {
                    throw ServerException.badRequest(name, "give either rows or instances (an alias of rows), not both");
                }
                key = name;
                field = key;
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw ServerException.badRequest(key, key + " must be an array of objects, not " + kind(value));
                }
                rows = new ArrayList<>();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    String rowField = key + "[" + rows.size() + "]";
                    field = rowField;
                    if (rows.size() == maxRows) {
                        throw ServerException.badRequest(key, key + " has more than " + maxRows + " rows; at most " + maxRows
                                + " are accepted per request, split it");
                    }
                    if (t != JsonToken.START_OBJECT) {
                        throw ServerException.badRequest(rowField, rowField + " must be an object of column to value, not " + kind(t));
                    }
                    Map<String, String> cells = new HashMap<>(64);
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String column = p.currentName();
                        JsonToken v = p.nextToken();
                        String text = switch (v) {
                            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
                            case VALUE_TRUE -> "true";
                            case VALUE_FALSE -> "false";
                            case VALUE_NULL -> "";
                            default -> throw ServerException.badRequest(rowField + "." + column, rowField + "." + column + " is "
                                    + kind(v) + "; values must be strings, numbers, booleans or null");
                        };
                        cells.put(column, text);
                    }
                    rows.add(cells);
                }
                field = "body";
            }
            if (p.nextToken() != null) {
                throw ServerException.badRequest("body", "the body has more after the JSON object; send one object");
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw ServerException.badRequest("body", "the body is not valid JSON" + where + (field.equals("body") ? "" : " (in " + field + ")")
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ServerException.badRequest("body", "the body cannot be read as JSON: " + e.getMessage());
        }
        if (rows == null) {
            throw ServerException.badRequest("rows", "the body has no rows; send {\"rows\": [{\"column\": value, ...}, ...]}");
        }
        if (rows.isEmpty()) {
            throw ServerException.badRequest(key, key + " is empty; send at least one row");
        }
        return new Rows(key, rows);
    }

    private static String kind(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    private static byte[] predictionJson(String model, String version, String requestId, List<Map<String, Object>> results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + 96 * results.size());
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", model);
            g.writeStringField("version", version);
            g.writeStringField("request_id", requestId);
            g.writeArrayFieldStart("predictions");
            for (Map<String, Object> r : results) {
                g.writeStartObject();
                Object p = r.get("prediction");
                if (p instanceof Number n) {
                    g.writeNumberField("prediction", n.doubleValue());
                } else {
                    g.writeStringField("prediction", String.valueOf(p));
                }
                if (r.get("score") instanceof Number s) {
                    g.writeNumberField("score", s.doubleValue());
                }
                if (r.get("probabilities") instanceof Map<?, ?> probabilities) {
                    g.writeObjectFieldStart("probabilities");
                    for (Map.Entry<?, ?> e : probabilities.entrySet()) {
                        g.writeNumberField(String.valueOf(e.getKey()), ((Number) e.getValue()).doubleValue());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the prediction JSON: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ admin

    private void admin(Request request, Response response, Callback callback, String rest) {
        if (!auth.enabled()) {
            throw new ServerException(403, null, AdminAuth.HOW_TO_ENABLE);
        }
        if (!auth.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            throw new ServerException(401, null, request.getHeaders().get(HttpHeader.AUTHORIZATION) == null
                    ? "the admin API needs the header 'Authorization: Bearer <token>' (the token of --admin-token-file or MLGATE_ADMIN_TOKEN)"
                    : "the admin token is wrong");
        }
        if (rest.endsWith("/traffic") && rest.indexOf('/') == rest.length() - "/traffic".length()) {
            String model = rest.substring(0, rest.length() - "/traffic".length());
            String method = allow(request, "GET", "PUT");
            if (method.equals("GET")) {
                Routing routing = host.routing(model);
                if (routing == null && !host.isKnown(model)) {
                    throw unknownModel(model);
                }
                sendJson(response, callback, 200, splitJson(routing == null ? TrafficSplit.none() : routing.split()));
                return;
            }
            TrafficSplit split = parseSplit(readBody(request, ADMIN_MAX_BODY));
            sendJson(response, callback, 200, splitJson(host.apply(model, split)));
        } else if (!rest.isEmpty() && rest.indexOf('/') < 0) {
            allow(request, "DELETE");
            sendJson(response, callback, 200, splitJson(host.undeploy(rest)));
        } else {
            throw noEndpoint(request, ADMIN_MODELS + rest);
        }
    }

    static TrafficSplit parseSplit(byte[] body) {
        JsonNode root = parseJson(body);
        if (!root.isObject()) {
            throw ServerException.badRequest("body", "the body must be a traffic split like {\"stable\": \"3\", \"canary\": \"4\", "
                    + "\"canary_percent\": 10, \"shadow\": null}, not " + kind(root));
        }
        String stable = null;
        String canary = null;
        String shadow = null;
        Integer percent = null;
        for (Map.Entry<String, JsonNode> f : root.properties()) {
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "stable" -> stable = versionText("stable", v);
                case "canary" -> canary = versionText("canary", v);
                case "shadow" -> shadow = versionText("shadow", v);
                case "canary_percent" -> {
                    if (!v.isNull() && (!v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > 100 || !v.canConvertToInt())) {
                        throw ServerException.badRequest("canary_percent", "canary_percent must be a whole number 0..100, not " + v);
                    }
                    percent = v.isNull() ? null : v.asInt();
                }
                default -> throw ServerException.badRequest(f.getKey(), "unknown field '" + f.getKey()
                        + "'; a traffic split has stable, canary, canary_percent and shadow");
            }
        }
        if (canary == null && percent != null && percent > 0) {
            throw ServerException.badRequest("canary_percent", "canary_percent " + percent + " needs a canary version");
        }
        if (canary != null && stable == null) {
            throw ServerException.badRequest("canary", "a canary (" + canary + ") needs a stable version to split traffic with");
        }
        if (shadow != null && stable == null) {
            throw ServerException.badRequest("shadow", "a shadow (" + shadow + ") needs a stable version to mirror");
        }
        return new TrafficSplit(stable, canary, percent, shadow);
    }

    private static String versionText(String field, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isTextual() && !v.textValue().isBlank()) {
            return v.textValue().strip();
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        throw ServerException.badRequest(field, field + " must be a version id like \"3\", not " + kind(v));
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> modelInfo(Routing routing) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", routing.model());
        info.put("traffic", splitJson(routing.split()));
        List<Map<String, Object>> versions = new ArrayList<>();
        addVersion(versions, routing.stable(), "stable");
        addVersion(versions, routing.canary(), "canary");
        addVersion(versions, routing.shadow(), "shadow");
        info.put("versions", versions);
        return info;
    }

    /**
     * The JSON of a traffic split: stable, canary, canary_percent, shadow (nulls left out). Written
     * field by field because Jackson would also emit {@code TrafficSplit.isDeployed()} as a
     * "deployed" property, which strict readers of the split reject.
     */
    static Map<String, Object> splitJson(TrafficSplit split) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (split.stable() != null) {
            m.put("stable", split.stable());
        }
        if (split.canary() != null) {
            m.put("canary", split.canary());
        }
        m.put("canary_percent", split.canaryPercent());
        if (split.shadow() != null) {
            m.put("shadow", split.shadow());
        }
        return m;
    }

    private static void addVersion(List<Map<String, Object>> versions, LoadedModel m, String role) {
        if (m == null) {
            return;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", m.version());
        v.put("role", role);
        v.put("trainer", m.card().trainer());
        v.put("task", m.card().task());
        v.put("loaded_at", m.loadedAt().toString());
        versions.add(v);
    }

    private static JsonNode parseJson(byte[] body) {
        if (body.length == 0) {
            throw ServerException.badRequest("body", "the body is empty; send JSON");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw ServerException.badRequest("body", "the body is empty; send JSON");
            }
            return root;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw ServerException.badRequest("body", "the body is not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ServerException.badRequest("body", "the body cannot be read as JSON: " + e.getMessage());
        }
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNull() ? "null" : node.getNodeType().toString().toLowerCase();
    }

    /**
     * Reads the whole body, refusing (413) more than {@code limit} bytes, by Content-Length or as
     * it streams in. Reads Jetty's chunks directly (a small body usually arrives in one) and
     * blocks this request thread only while waiting for more.
     */
    static byte[] readBody(Request request, long limit) {
        long length = request.getLength();
        if (length > limit) {
            throw tooLarge(length, limit);
        }
        byte[] out = new byte[length >= 0 ? (int) length : 1024];
        int size = 0;
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                awaitContent(request);
                continue;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    throw ServerException.badRequest("body", "the request body could not be read: " + chunk.getFailure());
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                int n = buffer.remaining();
                if ((long) size + n > limit) {
                    throw tooLarge((long) size + n, limit);
                }
                if (size + n > out.length) {
                    out = java.util.Arrays.copyOf(out, Math.max(size + n, Math.min((int) limit, out.length * 2)));
                }
                buffer.get(out, size, n);
                size += n;
                if (chunk.isLast()) {
                    return size == out.length ? out : java.util.Arrays.copyOf(out, size);
                }
            } finally {
                chunk.release();
            }
        }
    }

    private static void awaitContent(Request request) {
        java.util.concurrent.CountDownLatch more = new java.util.concurrent.CountDownLatch(1);
        request.demand(more::countDown);
        try {
            if (!more.await(IDLE_READ_SECONDS, java.util.concurrent.TimeUnit.SECONDS)) {
                throw ServerException.badRequest("body", "the request body stopped arriving for " + IDLE_READ_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServerException.badRequest("body", "interrupted while reading the request body");
        }
    }

    private static ServerException tooLarge(long size, long limit) {
        return new ServerException(413, "body", "the body has " + (size >= 0 ? "at least " + size : "more than " + limit)
                + " bytes; at most " + limit + " are accepted, send fewer rows per request");
    }

    private static String allow(Request request, String... methods) {
        String method = request.getMethod();
        for (String m : methods) {
            if (m.equals(method)) {
                return m;
            }
        }
        throw ServerException.methodNotAllowed(method, methods);
    }

    private ServerException unknownModel(String model) {
        return new ServerException(404, null, "unknown model '" + (model.length() > 80 ? model.substring(0, 77) + "..." : model)
                + "'; deployed models: " + host.describe().keySet());
    }

    private static ServerException notDeployed(String model) {
        return new ServerException(503, null, "model '" + model + "' is not deployed on this server; deploy a version with "
                + "mlgate deploy or PUT /admin/models/" + model + "/traffic");
    }

    private static ServerException noEndpoint(Request request, String path) {
        return new ServerException(404, null, "no endpoint " + request.getMethod() + " " + path + "; endpoints: " + ENDPOINTS);
    }

    private static String requestId(Request request) {
        String given = request.getHeaders().get(REQUEST_ID);
        if (given != null && !given.isEmpty() && given.length() <= 128 && given.chars().allMatch(c -> c > ' ' && c < 127)) {
            return given;
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    private static void sendJson(Response response, Callback callback, int status, Object body) {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
        send(response, callback, status, JSON_TYPE, bytes);
    }

    private static void sendError(Request request, Response response, Callback callback, ServerException e) {
        drainOrClose(request, response);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        if (e.field() != null) {
            body.put("field", e.field());
        }
        if (e.allow() != null) {
            response.getHeaders().put(HttpHeader.ALLOW, e.allow());
        }
        if (e.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"mlgate\"");
        }
        sendJson(response, callback, e.status(), body);
    }

    /**
     * An error can be answered before the request body was read (unknown model, 413). Reads what
     * has already arrived; when the body is not complete, asks for {@code Connection: close}, so a
     * client never reuses a connection whose unread body would be taken for its next request.
     */
    private static void drainOrClose(Request request, Response response) {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                return;
            }
            boolean last = chunk.isLast();
            boolean failed = Content.Chunk.isFailure(chunk);
            chunk.release();
            if (failed) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                return;
            }
            if (last) {
                return;
            }
        }
    }

    private static void send(Response response, Callback callback, int status, String contentType, byte[] bytes) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
