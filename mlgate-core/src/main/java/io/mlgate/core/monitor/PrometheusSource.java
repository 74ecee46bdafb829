package io.mlgate.core.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads the serving signals from a Prometheus server's HTTP API with instant queries
 * ({@code GET /api/v1/query?query=...}) over a window: counters as {@code increase(...[w])},
 * latency p99 as {@code histogram_quantile(0.99, ...)}, drift as the current gauges (max over the
 * server replicas). The queries are {@link #queries} so a dashboard can show the same numbers.
 */
public final class PrometheusSource implements SignalSource {
    /** A PromQL duration: 30m, 1h, 7d, 1h30m. */
    public static final Pattern WINDOW = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String window;
    private final HttpClient http;
    private final Duration timeout;
    private final String bearerToken;

    /**
     * @param base        the Prometheus server, e.g. {@code http://prometheus:9090} (a path prefix is kept)
     * @param window      PromQL range, e.g. {@code 1h}
     * @param bearerToken sent as {@code Authorization: Bearer} when not null (e.g. a managed Prometheus)
     */
    public PrometheusSource(URI base, String window, Duration timeout, String bearerToken) {
        if (window == null || !WINDOW.matcher(window).matches()) {
            throw new IllegalArgumentException("--query-window '" + window + "' is not a Prometheus duration; use e.g. 30m, 1h, 7d");
        }
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.window = window;
        this.timeout = timeout;
        this.bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken.strip();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String describe() {
        return base + "/api/v1/query";
    }

    /** The PromQL queries for one version, by signal name. */
    public static Map<String, String> queries(String model, String version, String window) {
        String sel = "{model=\"" + escape(model) + "\",version=\"" + escape(version) + "\"}";
        Map<String, String> q = new LinkedHashMap<>();
        q.put("psi", "max by (feature) (mlgate_feature_drift_psi" + sel + ")");
        q.put("js", "max by (feature) (mlgate_feature_drift_js" + sel + ")");
        q.put("drift_rows", "max(mlgate_drift_window_rows" + sel + ")");
        q.put("classes", "sum by (class) (increase(mlgate_predictions_total" + sel + "[" + window + "]))");
        q.put("values", "sum by (le) (increase(mlgate_prediction_value_bucket" + sel + "[" + window + "]))");
        q.put("requests", "sum by (status) (increase(mlgate_requests_total" + sel + "[" + window + "]))");
        q.put("latency_p99", "histogram_quantile(0.99, sum by (le) (rate(mlgate_request_duration_seconds_bucket" + sel
                + "[" + window + "])))");
        return q;
    }

    @Override
    public ServingSignals read(String model, String version) {
        Map<String, String> q = queries(model, version, window);
        try {
            Map<String, Double> psi = byLabel(query(q.get("psi")), "feature");
            Map<String, Double> js = byLabel(query(q.get("js")), "feature");
            List<JsonNode> rows = query(q.get("drift_rows"));
            Long driftRows = rows.isEmpty() ? null : (long) value(rows.get(0));
            Map<String, Double> classes = new TreeMap<>(byLabel(query(q.get("classes")), "class"));
            Map<Double, Double> values = new TreeMap<>();
            byLabel(query(q.get("values")), "le").forEach((le, c) -> values.put(PromText.parseValue(le), c));
            double requests = 0;
            double errors = 0;
            for (Map.Entry<String, Double> e : byLabel(query(q.get("requests")), "status").entrySet()) {
                requests += e.getValue();
                if (e.getKey().startsWith("5")) {
                    errors += e.getValue();
                }
            }
            List<JsonNode> p99 = query(q.get("latency_p99"));
            Double latency = p99.isEmpty() || !Double.isFinite(value(p99.get(0))) ? null : value(p99.get(0));
            return new ServingSignals(describe(), window, null, driftRows, psi, js, classes, MetricsEndpointSource.buckets(values),
                    requests, errors, latency);
        } catch (SourceException e) {
            return ServingSignals.unavailable(describe(), window, e.getMessage());
        }
    }

    private List<JsonNode> query(String promql) {
        URI uri = URI.create(base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SourceException("cannot query Prometheus at " + describe() + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check --prometheus URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted while querying Prometheus at " + describe());
        }
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SourceException("Prometheus at " + describe() + " answered HTTP " + response.statusCode() + " with a body that is not JSON");
        }
        if (root == null || !"success".equals(root.path("status").asText())) {
            throw new SourceException("Prometheus at " + describe() + " answered HTTP " + response.statusCode() + " for '" + promql + "': "
                    + (root == null ? "no body" : root.path("errorType").asText("error") + ": " + root.path("error").asText("no message")));
        }
        JsonNode data = root.path("data");
        String type = data.path("resultType").asText();
        if ("scalar".equals(type)) {
            return List.of(JSON.createObjectNode().set("value", data.path("result")));
        }
        if (!"vector".equals(type)) {
            throw new SourceException("Prometheus answered a " + type + " for '" + promql + "'; an instant query gives a vector");
        }
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        data.path("result").forEach(out::add);
        return out;
    }

    private static Map<String, Double> byLabel(List<JsonNode> result, String label) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (JsonNode r : result) {
            JsonNode key = r.path("metric").path(label);
            double v = value(r);
            if (!key.isMissingNode() && !Double.isNaN(v)) {
                out.merge(key.asText(), v, Double::sum);
            }
        }
        return out;
    }

    /** The sample value of a vector element: {@code "value": [timestamp, "text"]}. */
    private static double value(JsonNode r) {
        JsonNode v = r.path("value");
        if (!v.isArray() || v.size() < 2) {
            throw new SourceException("Prometheus result without a [timestamp, value] pair: " + r);
        }
        try {
            return PromText.parseValue(v.get(1).asText());
        } catch (NumberFormatException e) {
            throw new SourceException("Prometheus sample value is not a number: " + v.get(1));
        }
    }

    private static String escape(String labelValue) {
        return labelValue.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static final class SourceException extends RuntimeException {
        SourceException(String message) {
            super(message);
        }
    }
}
