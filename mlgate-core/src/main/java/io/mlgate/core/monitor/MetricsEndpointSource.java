package io.mlgate.core.monitor;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the serving signals from {@code GET /metrics} of a running {@code mlgate serve}. Its
 * counters and histograms cover the time since the version was loaded; the drift gauges cover
 * the server's sliding window ({@code --drift-window}).
 */
public final class MetricsEndpointSource implements SignalSource {
    static final String WINDOW = "since the version was loaded";
    private final URI metrics;
    private final HttpClient http;
    private final Duration timeout;

    /** @param server base URL of the server, e.g. {@code http://127.0.0.1:8080} */
    public MetricsEndpointSource(URI server, Duration timeout) {
        String base = server.toString();
        this.metrics = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/metrics");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public String describe() {
        return metrics.toString();
    }

    @Override
    public ServingSignals read(String model, String version) {
        String text;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return ServingSignals.unavailable(describe(), WINDOW, "GET " + metrics + " answered HTTP " + response.statusCode());
            }
            text = response.body();
        } catch (IOException e) {
            return ServingSignals.unavailable(describe(), WINDOW, "cannot read " + metrics + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); is mlgate serve running there? pass --server URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ServingSignals.unavailable(describe(), WINDOW, "interrupted while reading " + metrics);
        }
        try {
            return fromText(describe(), text, model, version);
        } catch (IllegalArgumentException e) {
            return ServingSignals.unavailable(describe(), WINDOW, metrics + ": " + e.getMessage());
        }
    }

    /** The signals of one version in a Prometheus text exposition of {@code mlgate serve}. */
    public static ServingSignals fromText(String source, String text, String model, String version) {
        Map<String, Double> psi = new LinkedHashMap<>();
        Map<String, Double> js = new LinkedHashMap<>();
        Map<String, Double> classes = new TreeMap<>();
        Map<Double, Double> values = new TreeMap<>();
        Map<Double, Double> latency = new TreeMap<>();
        Long driftRows = null;
        double requests = 0;
        double errors = 0;
        for (PromText.Sample s : PromText.parse(text)) {
            if (!model.equals(s.label("model")) || !version.equals(s.label("version"))) {
                continue;
            }
            switch (s.name()) {
                case "mlgate_feature_drift_psi" -> psi.put(s.label("feature"), s.value());
                case "mlgate_feature_drift_js" -> js.put(s.label("feature"), s.value());
                case "mlgate_drift_window_rows" -> driftRows = (long) s.value();
                case "mlgate_predictions_total" -> classes.merge(s.label("class"), s.value(), Double::sum);
                case "mlgate_prediction_value_bucket" -> values.merge(PromText.parseValue(s.label("le")), s.value(), Double::sum);
                case "mlgate_request_duration_seconds_bucket" -> latency.merge(PromText.parseValue(s.label("le")), s.value(), Double::sum);
                case "mlgate_requests_total" -> {
                    requests += s.value();
                    if (s.label("status") != null && s.label("status").startsWith("5")) {
                        errors += s.value();
                    }
                }
                default -> {
                    // other metrics are not monitoring signals
                }
            }
        }
        return new ServingSignals(source, WINDOW, null, driftRows, psi, js, classes, buckets(values), requests, errors,
                ServingSignals.quantile(0.99, buckets(latency)));
    }

    static List<ServingSignals.Bucket> buckets(Map<Double, Double> byUpperBound) {
        List<ServingSignals.Bucket> out = new ArrayList<>();
        new TreeMap<>(new HashMap<>(byUpperBound)).forEach((le, count) -> out.add(new ServingSignals.Bucket(le, count)));
        return out;
    }
}
