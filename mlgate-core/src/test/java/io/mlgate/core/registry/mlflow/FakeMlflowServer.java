package io.mlgate.core.registry.mlflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory server implementing the documented MLflow REST API requests and responses
 * (mlflow/protos/model_registry.proto, service.proto) in two modes:
 * <ul>
 *   <li>MLFLOW: integer versions, native aliases, model-versions/search, the
 *       {@code /api/2.0/mlflow-artifacts/artifacts/} proxy, run artifact URIs
 *       {@code mlflow-artifacts:/<experiment>/<run>/artifacts}.</li>
 *   <li>GITLAB: as GitLab's lib/api/ml/mlflow: SemVer from the {@code gitlab.version} tag (else
 *       a major bump), "already been taken" on a duplicate, run_id/source/registered-model tags
 *       ignored, {@code version} = internal id with the SemVer in {@code aliases}, seconds in
 *       {@code creation_timestamp}, every version in {@code latest_versions}, no alias set/delete,
 *       no model-versions/search or set-tag endpoints (Grape 404), {@code GET registered-models/alias}
 *       looking up a SemVer, metadata values 1..5000 characters, and files under
 *       {@code /api/v4/projects/42/packages/ml_models/<id>/files/} (PUT answers 201).</li>
 * </ul>
 * Every request is recorded for the tests to assert on.
 */
final class FakeMlflowServer implements AutoCloseable {

    enum Mode { MLFLOW, GITLAB }

    record Request(String method, String path, String query, String body, String authorization) {
        String line() {
            return method + " " + path;
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static {
        // Without TCP_NODELAY every small response waits for a delayed ACK (~40 ms per request).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final String GITLAB_PREFIX = "/api/v4/projects/42/ml/mlflow";
    static final String GITLAB_FILES = "/api/v4/projects/42/packages/ml_models/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String API = "/api/2.0/mlflow/";
    private static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?");

    private final Mode mode;
    private final HttpServer server;
    final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    /** The Authorization header every request must carry; null accepts anything. */
    volatile String requiredAuthorization;
    /** Answer the next request with this status (e.g. 500), then behave again. */
    volatile int failNextWith;
    /** GitLab: the next model-version create finds its version taken by a concurrent writer. */
    volatile boolean takeNextVersion;
    /** Page size of runs/search, to exercise pagination. */
    volatile int runsPageSize = 1000;

    private final Map<String, Model> models = new TreeMap<>();
    private final Map<String, Experiment> experiments = new LinkedHashMap<>();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    final Map<String, byte[]> files = new TreeMap<>();
    private long nextInternalId = 100; // GitLab's ids differ from the SemVer on purpose
    private long nextRunNumber = 1;

    private static final class Model {
        final String name;
        final long created;
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, String> aliases = new TreeMap<>();
        final List<Version> versions = new ArrayList<>();

        Model(String name, long created) {
            this.name = name;
            this.created = created;
        }
    }

    private static final class Version {
        String id;
        String version;
        long created;
        String description = "";
        String source = "";
        String runId = "";
        final Map<String, String> tags = new LinkedHashMap<>();
    }

    private record Experiment(String id, String name) {
    }

    private static final class Run {
        String id;
        String experimentId;
        String name;
        long start;
        String status = "RUNNING";
        String artifactUri;
        final Map<String, String> tags = new LinkedHashMap<>();
    }

    FakeMlflowServer(Mode mode) throws IOException {
        this.mode = mode;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The tracking URI a client is given ({@code mlflow+} stripped). */
    URI trackingUri() {
        return URI.create(root() + (mode == Mode.GITLAB ? GITLAB_PREFIX : ""));
    }

    String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    List<String> lines() {
        synchronized (requests) {
            return requests.stream().map(Request::line).toList();
        }
    }

    List<Request> requests(String method, String pathSuffix) {
        synchronized (requests) {
            return requests.stream().filter(r -> r.method().equals(method) && r.path().endsWith(pathSuffix)).toList();
        }
    }

    /** Overwrites a stored artifact, as a person with write access to the storage might. */
    synchronized void tamper(String pathSuffix, byte[] content) {
        String key = files.keySet().stream().filter(k -> k.endsWith(pathSuffix)).findFirst().orElseThrow();
        files.put(key, content);
    }

    /** A version made by another client (no mlgate tags), created at {@code epochSeconds}. */
    synchronized void addForeignVersion(String model, String semverOrNull, long epochSeconds) {
        Model m = models.computeIfAbsent(model, n -> new Model(n, epochSeconds));
        Version v = new Version();
        v.id = String.valueOf(nextInternalId++);
        v.version = mode == Mode.GITLAB ? semverOrNull : String.valueOf(m.versions.size() + 1);
        v.created = mode == Mode.GITLAB ? epochSeconds : epochSeconds * 1000;
        m.versions.add(v);
    }

    // ---------------------------------------------------------------- dispatch

    private synchronized void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        requests.add(new Request(method, path, ex.getRequestURI().getRawQuery(), new String(body.getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8), auth));
        try {
            if (requiredAuthorization != null && !requiredAuthorization.equals(auth)) {
                send(ex, 401, mode == Mode.GITLAB ? "{\"message\":\"401 Unauthorized\"}"
                        : "You are not authenticated. Please see https://www.mlflow.org/docs/latest/auth/index.html");
                return;
            }
            if (failNextWith != 0) {
                int status = failNextWith;
                failNextWith = 0;
                send(ex, status, "<html><body>" + status + " Internal Server Error</body></html>");
                return;
            }
            String prefix = mode == Mode.GITLAB ? GITLAB_PREFIX : "";
            if (mode == Mode.GITLAB && path.startsWith(GITLAB_FILES)) {
                gitlabFile(ex, method, path.substring(GITLAB_FILES.length()), body);
            } else if (mode == Mode.MLFLOW && path.startsWith(ARTIFACTS)) {
                mlflowArtifact(ex, method, path.substring(ARTIFACTS.length()), body);
            } else if (path.startsWith(prefix + API)) {
                api(ex, method, path.substring((prefix + API).length()), query(ex.getRequestURI().getRawQuery()), body);
            } else {
                notFound(ex);
            }
        } catch (RuntimeException e) {
            send(ex, 500, "{\"error_code\":\"INTERNAL_ERROR\",\"message\":\"" + e + "\"}");
        }
    }

    private void api(HttpExchange ex, String method, String endpoint, Map<String, String> q, String body) throws IOException {
        JsonNode in = body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
        String route = method + " " + endpoint;
        boolean gitlab = mode == Mode.GITLAB;
        switch (route) {
            case "GET registered-models/get" -> {
                Model m = models.get(q.get("name"));
                if (m == null) {
                    doesNotExist(ex, "Registered Model with name=" + q.get("name") + " not found");
                } else {
                    ok(ex, obj().set("registered_model", registeredModel(m)));
                }
            }
            case "POST registered-models/create" -> {
                String name = in.path("name").asText();
                if (models.containsKey(name)) {
                    error(ex, 400, "RESOURCE_ALREADY_EXISTS", "Registered Model (name=" + name + ") already exists.");
                    return;
                }
                Model m = new Model(name, gitlab ? 1_717_243_200L : 1_717_243_200_000L);
                if (!gitlab) {
                    // GitLab documents that create_registered_model's tags are ignored.
                    in.path("tags").forEach(t -> m.tags.put(t.path("key").asText(), t.path("value").asText()));
                }
                models.put(name, m);
                ok(ex, obj().set("registered_model", registeredModel(m)));
            }
            case "GET registered-models/search" -> {
                ArrayNode list = MAPPER.createArrayNode();
                models.values().forEach(m -> list.add(registeredModel(m)));
                ok(ex, obj().set("registered_models", list));
            }
            case "POST model-versions/create" -> createVersion(ex, in);
            case "GET model-versions/get" -> {
                Version v = find(q.get("name"), q.get("version"));
                if (v == null) {
                    doesNotExist(ex, "Model Version (name=" + q.get("name") + ", version=" + q.get("version") + ") not found");
                } else {
                    ok(ex, obj().set("model_version", modelVersion(models.get(q.get("name")), v)));
                }
            }
            case "GET registered-models/alias" -> {
                Model m = models.get(q.get("name"));
                // GitLab looks the "alias" up as a version string; MLflow resolves a real alias.
                String version = m == null ? null : gitlab ? q.get("alias") : m.aliases.get(q.get("alias"));
                Version v = m == null || version == null ? null : find(m.name, version);
                if (v == null) {
                    doesNotExist(ex, "Registered model alias " + q.get("alias") + " not found.");
                } else {
                    ok(ex, obj().set("model_version", modelVersion(m, v)));
                }
            }
            case "POST registered-models/alias", "DELETE registered-models/alias" -> {
                if (gitlab) {
                    notFound(ex);
                    return;
                }
                Model m = models.get(in.path("name").asText());
                if (m == null) {
                    doesNotExist(ex, "Registered Model with name=" + in.path("name").asText() + " not found");
                    return;
                }
                if (method.equals("POST")) {
                    if (find(m.name, in.path("version").asText()) == null) {
                        doesNotExist(ex, "Model Version not found");
                        return;
                    }
                    m.aliases.put(in.path("alias").asText(), in.path("version").asText());
                } else {
                    m.aliases.remove(in.path("alias").asText());
                }
                ok(ex, obj());
            }
            case "GET model-versions/search" -> {
                if (gitlab) {
                    notFound(ex);
                    return;
                }
                Matcher name = Pattern.compile("name='([^']*)'").matcher(q.getOrDefault("filter", ""));
                ArrayNode list = MAPPER.createArrayNode();
                models.values().stream().filter(m -> !name.matches() || m.name.equals(name.group(1)))
                        .forEach(m -> m.versions.forEach(v -> list.add(modelVersion(m, v))));
                ok(ex, obj().set("model_versions", list));
            }
            case "POST registered-models/set-tag", "POST model-versions/set-tag" -> {
                if (gitlab) {
                    notFound(ex);
                    return;
                }
                ok(ex, obj());
            }
            case "GET experiments/get-by-name" -> {
                Experiment e = experiments.values().stream().filter(x -> x.name().equals(q.get("experiment_name"))).findFirst().orElse(null);
                if (e == null) {
                    doesNotExist(ex, "Could not find experiment with name " + q.get("experiment_name"));
                } else {
                    ObjectNode exp = obj().put("experiment_id", e.id()).put("name", e.name()).put("lifecycle_stage", "active");
                    ok(ex, obj().set("experiment", exp));
                }
            }
            case "POST experiments/create" -> {
                String name = in.path("name").asText();
                if (experiments.values().stream().anyMatch(x -> x.name().equals(name))) {
                    error(ex, 400, "RESOURCE_ALREADY_EXISTS", "Experiment '" + name + "' already exists.");
                    return;
                }
                Experiment e = new Experiment(String.valueOf(experiments.size() + 1), name);
                experiments.put(e.id(), e);
                ok(ex, obj().put("experiment_id", e.id()));
            }
            case "POST runs/create" -> {
                String exp = in.path("experiment_id").asText();
                if (!experiments.containsKey(exp)) {
                    doesNotExist(ex, "No Experiment with id=" + exp + " exists");
                    return;
                }
                Map<String, String> tags = new LinkedHashMap<>();
                for (JsonNode t : in.path("tags")) {
                    String v = t.path("value").asText();
                    if (v.length() > 5000 || (gitlab && v.isEmpty())) {
                        error(ex, 400, "INVALID_PARAMETER_VALUE", "Value of tag " + t.path("key").asText() + " is invalid");
                        return;
                    }
                    tags.put(t.path("key").asText(), v);
                }
                Run r = newRun(exp, in.path("run_name").asText(), in.path("start_time").asLong(), null);
                r.tags.putAll(tags);
                ok(ex, obj().set("run", run(r)));
            }
            case "GET runs/get" -> {
                Run r = runs.get(q.get("run_id"));
                if (r == null) {
                    doesNotExist(ex, "Run '" + q.get("run_id") + "' not found");
                } else {
                    ok(ex, obj().set("run", run(r)));
                }
            }
            case "POST runs/update" -> {
                Run r = runs.get(in.path("run_id").asText());
                if (r == null) {
                    doesNotExist(ex, "Run not found");
                    return;
                }
                r.status = in.path("status").asText(r.status);
                ok(ex, obj().set("run_info", runInfo(r)));
            }
            case "POST runs/set-tag" -> {
                Run r = runs.get(in.path("run_id").asText());
                if (r == null) {
                    doesNotExist(ex, "Run not found");
                    return;
                }
                r.tags.put(in.path("key").asText(), in.path("value").asText());
                ok(ex, obj());
            }
            case "POST runs/search" -> {
                List<String> ids = new ArrayList<>();
                in.path("experiment_ids").forEach(i -> ids.add(i.asText()));
                // Both MLflow and GitLab default to newest first.
                List<Run> matching = new ArrayList<>(runs.values().stream().filter(r -> ids.contains(r.experimentId)).toList());
                Collections.reverse(matching);
                int from = in.hasNonNull("page_token") ? Integer.parseInt(in.get("page_token").asText()) : 0;
                int size = Math.min(runsPageSize, in.path("max_results").asInt(1000));
                ArrayNode list = MAPPER.createArrayNode();
                matching.subList(from, Math.min(matching.size(), from + size)).forEach(r -> list.add(run(r)));
                ObjectNode out = obj().set("runs", list);
                if (from + size < matching.size()) {
                    out.put("next_page_token", String.valueOf(from + size));
                }
                ok(ex, out);
            }
            default -> {
                if (gitlab) {
                    notFound(ex);
                } else {
                    error(ex, 404, "ENDPOINT_NOT_FOUND", "No API route for " + route);
                }
            }
        }
    }

    private void createVersion(HttpExchange ex, JsonNode in) throws IOException {
        Model m = models.get(in.path("name").asText());
        if (m == null) {
            doesNotExist(ex, "Registered Model with name=" + in.path("name").asText() + " not found");
            return;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode t : in.path("tags")) {
            String v = t.path("value").asText();
            if (v.length() > 5000 || (mode == Mode.GITLAB && v.isEmpty())) {
                error(ex, 400, "INVALID_PARAMETER_VALUE", "Value is too long or empty: " + t.path("key").asText());
                return;
            }
            tags.put(t.path("key").asText(), v);
        }
        Version v = new Version();
        v.id = String.valueOf(nextInternalId++);
        if (mode == Mode.GITLAB) {
            String wanted = tags.get("gitlab.version");
            if (wanted == null) {
                wanted = m.versions.stream().map(x -> x.version).filter(x -> SEMVER.matcher(x).matches())
                        .map(x -> Long.parseLong(x.split("\\.")[0])).max(Long::compare).map(x -> (x + 1) + ".0.0").orElse("1.0.0");
            }
            if (!SEMVER.matcher(wanted).matches()) {
                error(ex, 400, "INVALID_PARAMETER_VALUE", "[\"Version must be semantic version\"]");
                return;
            }
            if (takeNextVersion) {
                takeNextVersion = false;
                addForeignVersion(m.name, wanted, 1_717_243_200L);
            }
            String finalWanted = wanted;
            if (m.versions.stream().anyMatch(x -> x.version.equals(finalWanted))) {
                send(ex, 400, "{\"error_code\":\"INVALID_PARAMETER_VALUE\",\"message\":[\"Version has already been taken\"]}");
                return;
            }
            v.version = wanted;
            v.created = 1_717_243_200L;
            // run_id, source and run_link are ignored: GitLab makes its own run and package.
            Experiment exp = experiments.values().stream().filter(x -> x.name().equals("[model]" + m.name)).findFirst().orElseGet(() -> {
                Experiment e = new Experiment(String.valueOf(experiments.size() + 1), "[model]" + m.name);
                experiments.put(e.id(), e);
                return e;
            });
            Run r = newRun(exp.id(), v.version, 0, root() + GITLAB_FILES + v.id + "/files/");
            v.runId = r.id;
            v.source = root() + "/group/project/-/ml/models/1/versions/" + v.id;
        } else {
            v.version = String.valueOf(m.versions.size() + 1);
            v.created = 1_717_243_200_000L;
            v.source = in.path("source").asText();
            v.runId = in.path("run_id").asText();
        }
        v.description = in.path("description").asText("");
        v.tags.putAll(tags);
        m.versions.add(v);
        ok(ex, obj().set("model_version", modelVersion(m, v)));
    }

    private Run newRun(String experimentId, String name, long start, String artifactUri) {
        Run r = new Run();
        r.id = mode == Mode.GITLAB ? UUID.nameUUIDFromBytes(("run" + nextRunNumber++).getBytes(StandardCharsets.UTF_8)).toString()
                : String.format("%032x", nextRunNumber++);
        r.experimentId = experimentId;
        r.name = name;
        r.start = start;
        r.artifactUri = artifactUri != null ? artifactUri
                : mode == Mode.GITLAB ? root() + GITLAB_FILES + "candidate:" + r.id + "/files/"
                : "mlflow-artifacts:/" + experimentId + "/" + r.id + "/artifacts";
        runs.put(r.id, r);
        return r;
    }

    private Version find(String model, String version) {
        Model m = models.get(model);
        if (m == null || version == null) {
            return null;
        }
        return m.versions.stream().filter(v -> v.version.equals(version)).findFirst().orElse(null);
    }

    // ---------------------------------------------------------------- files

    private void mlflowArtifact(HttpExchange ex, String method, String path, String body) throws IOException {
        String key = URLDecoder.decode(path, StandardCharsets.UTF_8);
        if (method.equals("PUT")) {
            files.put(key, body.getBytes(StandardCharsets.ISO_8859_1));
            ok(ex, obj());
        } else if (method.equals("GET") && files.containsKey(key)) {
            sendBytes(ex, 200, files.get(key));
        } else {
            error(ex, 404, "RESOURCE_DOES_NOT_EXIST", "File not found: " + key);
        }
    }

    private void gitlabFile(HttpExchange ex, String method, String path, String body) throws IOException {
        String key = URLDecoder.decode(path, StandardCharsets.UTF_8);
        if (method.equals("PUT")) {
            files.put(key, body.getBytes(StandardCharsets.ISO_8859_1));
            send(ex, 201, "{\"message\":\"201 Created\"}");
        } else if (method.equals("GET") && files.containsKey(key)) {
            sendBytes(ex, 200, files.get(key));
        } else {
            send(ex, 404, "{\"message\":\"404 Not Found\"}");
        }
    }

    // ---------------------------------------------------------------- JSON shapes

    private ObjectNode registeredModel(Model m) {
        ObjectNode node = obj().put("name", m.name).put("creation_timestamp", m.created).put("last_updated_timestamp", m.created)
                .put("description", "");
        ArrayNode tags = node.putArray("tags");
        m.tags.forEach((k, v) -> tags.add(obj().put("key", k).put("value", v)));
        ArrayNode latest = node.putArray("latest_versions");
        if (mode == Mode.GITLAB) {
            m.versions.forEach(v -> latest.add(modelVersion(m, v))); // GitLab: every version
            node.put("user_id", "1");
        } else {
            if (!m.versions.isEmpty()) {
                latest.add(modelVersion(m, m.versions.get(m.versions.size() - 1))); // MLflow: latest per stage ("None")
            }
            ArrayNode aliases = node.putArray("aliases");
            m.aliases.forEach((a, v) -> aliases.add(obj().put("alias", a).put("version", v)));
        }
        return node;
    }

    private ObjectNode modelVersion(Model m, Version v) {
        ObjectNode node = obj().put("name", m.name)
                .put("version", mode == Mode.GITLAB ? v.id : v.version)
                .put("creation_timestamp", v.created).put("last_updated_timestamp", v.created)
                .put("current_stage", mode == Mode.GITLAB ? "development" : "None")
                .put("description", v.description).put("source", v.source).put("run_id", v.runId)
                .put("status", "READY").put("status_message", "").put("run_link", "");
        if (mode == Mode.GITLAB) {
            node.putNull("user_id");
        }
        ArrayNode tags = node.putArray("tags");
        v.tags.forEach((k, val) -> tags.add(obj().put("key", k).put("value", val)));
        ArrayNode aliases = node.putArray("aliases");
        if (mode == Mode.GITLAB) {
            aliases.add(v.version);
        } else {
            m.aliases.forEach((a, ver) -> {
                if (ver.equals(v.version)) {
                    aliases.add(a);
                }
            });
        }
        return node;
    }

    private ObjectNode runInfo(Run r) {
        return obj().put("run_id", r.id).put("run_uuid", r.id).put("experiment_id", r.experimentId).put("run_name", r.name)
                .put("status", r.status).put("start_time", r.start).put("artifact_uri", r.artifactUri).put("lifecycle_stage", "active");
    }

    private ObjectNode run(Run r) {
        ObjectNode node = obj();
        node.set("info", runInfo(r));
        ObjectNode data = node.putObject("data");
        data.putArray("metrics");
        data.putArray("params");
        ArrayNode tags = data.putArray("tags");
        r.tags.forEach((k, v) -> tags.add(obj().put("key", k).put("value", v)));
        return node;
    }

    private static ObjectNode obj() {
        return MAPPER.createObjectNode();
    }

    // ---------------------------------------------------------------- responses

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private void doesNotExist(HttpExchange ex, String message) throws IOException {
        error(ex, 404, "RESOURCE_DOES_NOT_EXIST", message);
    }

    private void notFound(HttpExchange ex) throws IOException {
        send(ex, 404, "{\"error\":\"404 Not Found\"}"); // Grape's answer for a route GitLab does not have
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        send(ex, status, MAPPER.writeValueAsString(Map.of("error_code", code, "message", message)));
    }

    private static void ok(HttpExchange ex, JsonNode node) throws IOException {
        send(ex, 200, MAPPER.writeValueAsString(node));
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", body.startsWith("{") ? "application/json" : "text/plain");
        sendBytes(ex, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange ex, int status, byte[] bytes) throws IOException {
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
