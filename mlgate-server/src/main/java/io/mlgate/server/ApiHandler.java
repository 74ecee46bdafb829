package io.mlgate.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.data.DataException;
import io.mlgate.core.deploy.TrafficSplit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jetty.http.HttpHeader;
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

    ApiHandler(ModelHost host, AdminAuth auth, BooleanSupplier ready, long maxBodyBytes, int maxRows) {
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
            sendError(response, callback, e);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.SEVERE, request.getMethod() + " " + path + " failed", e);
            sendError(response, callback, new ServerException(500, null, "internal error while serving " + request.getMethod() + " "
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
            sendError(response, callback, e);
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
            sendError(response, callback, e);
        } catch (RuntimeException | StackOverflowError e) {
            status = 500;
            LOG.log(Level.SEVERE, model + " version " + chosen.version() + " failed on request " + requestId, e);
            sendError(response, callback, new ServerException(500, null, "internal error in " + model + " version " + chosen.version()
                    + ": " + e + " (the server keeps running)"));
        } finally {
            chosen.metrics().request(status, System.nanoTime() - start);
        }
        if (status == 200) {
            afterAnswer(routing, chosen, rows, results);
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

    Rows parseRows(byte[] body) {
        JsonNode root = parseJson(body);
        if (!root.isObject()) {
            throw ServerException.badRequest("body", "the body must be a JSON object like {\"rows\": [{\"column\": value, ...}]}, not "
                    + kind(root));
        }
        JsonNode rowsNode = root.get("rows");
        String key = "rows";
        JsonNode instances = root.get("instances");
        if (instances != null) {
            if (rowsNode != null) {
                throw ServerException.badRequest("instances", "give either rows or instances (an alias of rows), not both");
            }
            rowsNode = instances;
            key = "instances";
        }
        if (rowsNode == null || rowsNode.isNull()) {
            throw ServerException.badRequest("rows", "the body has no rows; send {\"rows\": [{\"column\": value, ...}, ...]}");
        }
        if (!rowsNode.isArray()) {
            throw ServerException.badRequest(key, key + " must be an array of objects, not " + kind(rowsNode));
        }
        if (rowsNode.isEmpty()) {
            throw ServerException.badRequest(key, key + " is empty; send at least one row");
        }
        if (rowsNode.size() > maxRows) {
            throw ServerException.badRequest(key, key + " has " + rowsNode.size() + " rows; at most " + maxRows
                    + " are accepted per request, split it");
        }
        List<Map<String, String>> rows = new ArrayList<>(rowsNode.size());
        for (int i = 0; i < rowsNode.size(); i++) {
            JsonNode row = rowsNode.get(i);
            String rowField = key + "[" + i + "]";
            if (!row.isObject()) {
                throw ServerException.badRequest(rowField, rowField + " must be an object of column to value, not " + kind(row));
            }
            Map<String, String> cells = new HashMap<>(Math.max(16, row.size() * 2));
            Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode v = f.getValue();
                String text;
                if (v.isTextual()) {
                    text = v.textValue();
                } else if (v.isNumber() || v.isBoolean()) {
                    text = v.asText();
                } else if (v.isNull()) {
                    text = "";
                } else {
                    throw ServerException.badRequest(rowField + "." + f.getKey(), rowField + "." + f.getKey() + " is " + kind(v)
                            + "; values must be strings, numbers, booleans or null");
                }
                cells.put(f.getKey(), text);
            }
            rows.add(cells);
        }
        return new Rows(key, rows);
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
                sendJson(response, callback, 200, routing == null ? TrafficSplit.none() : routing.split());
                return;
            }
            TrafficSplit split = parseSplit(readBody(request, ADMIN_MAX_BODY));
            sendJson(response, callback, 200, host.apply(model, split));
        } else if (!rest.isEmpty() && rest.indexOf('/') < 0) {
            allow(request, "DELETE");
            sendJson(response, callback, 200, host.undeploy(rest));
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
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
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
        info.put("traffic", routing.split());
        List<Map<String, Object>> versions = new ArrayList<>();
        addVersion(versions, routing.stable(), "stable");
        addVersion(versions, routing.canary(), "canary");
        addVersion(versions, routing.shadow(), "shadow");
        info.put("versions", versions);
        return info;
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

    /** Reads the whole body, refusing (413) more than {@code limit} bytes, by Content-Length or as it streams in. */
    static byte[] readBody(Request request, long limit) {
        long length = request.getLength();
        if (length > limit) {
            throw tooLarge(length, limit);
        }
        try (InputStream in = Request.asInputStream(request)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (total > limit) {
                    throw tooLarge(total, limit);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw ServerException.badRequest("body", "the request body could not be read: " + e.getMessage());
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

    private static void sendError(Response response, Callback callback, ServerException e) {
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

    private static void send(Response response, Callback callback, int status, String contentType, byte[] bytes) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
