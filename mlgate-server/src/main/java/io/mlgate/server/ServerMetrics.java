package io.mlgate.server;

import io.mlgate.core.config.Task;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The server's Prometheus metrics (client_java 1.x, classic histograms). Names are fixed by the
 * issue contract; the alert rules and dashboards of the operations kit depend on them.
 *
 * <p>Request, latency, prediction and shadow metrics are updated on the predict path through
 * data-point handles cached per loaded version. Traffic split and drift gauges are callbacks
 * that read the current routing tables at scrape time, so an undeployed version's series vanish
 * with it and drift is computed only when someone asks.
 */
public final class ServerMetrics {
    /** Latency buckets in seconds: 0.5 ms to 2.5 s. */
    static final double[] LATENCY_BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    /** Absolute score differences of shadow predictions: probabilities first, then regression units. */
    static final double[] DIFF_BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 10, 100, 1_000, 10_000, 100_000};
    static final String UNKNOWN_MODEL = "(unknown)";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter requests;
    private final Histogram duration;
    private final Counter predictions;
    private final Histogram predictionValue;
    private final Counter shadowPredictions;
    private final Histogram shadowDiff;
    private final Counter shadowErrors;

    /** @param routings the current routing tables, read at scrape time */
    public ServerMetrics(Supplier<Collection<Routing>> routings) {
        requests = Counter.builder().name("mlgate_requests_total")
                .help("Predict requests by model, answering version and HTTP status")
                .labelNames("model", "version", "status").withoutExemplars().register(registry);
        duration = Histogram.builder().name("mlgate_request_duration_seconds")
                .help("Predict request latency in seconds, from headers received to response written")
                .labelNames("model", "version").classicOnly().classicUpperBounds(LATENCY_BUCKETS).withoutExemplars()
                .register(registry);
        predictions = Counter.builder().name("mlgate_predictions_total")
                .help("Predicted rows by class (classification)")
                .labelNames("model", "version", "class").withoutExemplars().register(registry);
        predictionValue = Histogram.builder().name("mlgate_prediction_value")
                .help("Predicted values (regression)")
                .labelNames("model", "version").classicOnly().classicUpperBounds(valueBuckets()).withoutExemplars()
                .register(registry);
        shadowPredictions = Counter.builder().name("mlgate_shadow_predictions_total")
                .help("Rows mirrored to the shadow version, by agreement with the answering version")
                .labelNames("model", "version", "shadow_version", "agreement").withoutExemplars().register(registry);
        shadowDiff = Histogram.builder().name("mlgate_shadow_score_diff")
                .help("Absolute difference between the shadow's and the answering version's score (regression: value)")
                .labelNames("model", "version", "shadow_version").classicOnly().classicUpperBounds(DIFF_BUCKETS)
                .withoutExemplars().register(registry);
        shadowErrors = Counter.builder().name("mlgate_shadow_errors_total")
                .help("Shadow predictions that failed (never seen by callers)")
                .labelNames("model", "version", "shadow_version").withoutExemplars().register(registry);

        GaugeWithCallback.builder().name("mlgate_traffic_percent")
                .help("Share of requests a version answers (shadow: share mirrored)")
                .labelNames("model", "version", "role")
                .callback(cb -> {
                    for (Routing r : routings.get()) {
                        if (!r.isDeployed()) {
                            continue;
                        }
                        int canary = r.canary() == null ? 0 : r.split().canaryPercent();
                        cb.call(100 - canary, r.model(), r.stable().version(), "stable");
                        if (r.canary() != null) {
                            cb.call(canary, r.model(), r.canary().version(), "canary");
                        }
                        if (r.shadow() != null) {
                            cb.call(100, r.model(), r.shadow().version(), "shadow");
                        }
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("mlgate_drift_window_rows")
                .help("Rows in the live drift window of a version")
                .labelNames("model", "version")
                .callback(cb -> {
                    for (LoadedModel m : answering(routings.get())) {
                        cb.call(m.drift().rows(), m.model(), m.version());
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("mlgate_feature_drift_psi")
                .help("PSI of a feature over the live window against the training bins (absent until min_rows)")
                .labelNames("model", "version", "feature")
                .callback(cb -> {
                    for (LoadedModel m : answering(routings.get())) {
                        m.drift().snapshot().features().forEach((f, v) -> cb.call(v.psi(), m.model(), m.version(), f));
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("mlgate_feature_drift_js")
                .help("Jensen-Shannon distance (base 2) of a feature over the live window (absent until min_rows)")
                .labelNames("model", "version", "feature")
                .callback(cb -> {
                    for (LoadedModel m : answering(routings.get())) {
                        m.drift().snapshot().features().forEach((f, v) -> cb.call(v.js(), m.model(), m.version(), f));
                    }
                }).register(registry);
    }

    /** Versions that answer requests (stable and canary, once each) and have a drift window. */
    private static List<LoadedModel> answering(Collection<Routing> routings) {
        List<LoadedModel> out = new ArrayList<>();
        for (Routing r : routings) {
            if (r.stable() != null && r.stable().drift() != null) {
                out.add(r.stable());
            }
            if (r.canary() != null && r.canary() != r.stable() && r.canary().drift() != null) {
                out.add(r.canary());
            }
        }
        return out;
    }

    /** Buckets for predicted values of unknown scale: 0, then 1-2.5-5 steps from 0.01 to 10^7, mirrored below 0 coarsely. */
    private static double[] valueBuckets() {
        List<Double> b = new ArrayList<>();
        for (double d = 1e6; d >= 1; d /= 10) {
            b.add(-d);
        }
        b.add(0.0);
        for (double d = 0.01; d <= 1e7; d *= 10) {
            b.add(d);
            b.add(2.5 * d);
            b.add(5 * d);
        }
        return b.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The registry, for callers that add their own metrics. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every metric. */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The content type of {@link #scrape()}. */
    public String contentType() {
        return writer.getContentType();
    }

    /** Counts a request that never reached a version (unknown model, not deployed). */
    void request(String model, int status) {
        requests.labelValues(model == null ? UNKNOWN_MODEL : model, "", Integer.toString(status)).inc();
    }

    VersionMetrics forVersion(String model, String version, Task task, List<String> classes) {
        return new VersionMetrics(model, version, task, classes);
    }

    void shadow(String model, String version, String shadowVersion, boolean agree, double diff) {
        shadowPredictions.labelValues(model, version, shadowVersion, agree ? "agree" : "disagree").inc();
        if (!Double.isNaN(diff)) {
            shadowDiff.labelValues(model, version, shadowVersion).observe(diff);
        }
    }

    void shadowError(String model, String version, String shadowVersion) {
        shadowErrors.labelValues(model, version, shadowVersion).inc();
    }

    /** Data-point handles of one loaded version, so the predict path skips the label lookups. */
    final class VersionMetrics {
        private final String model;
        private final String version;
        private final Map<Integer, CounterDataPoint> byStatus = new ConcurrentHashMap<>();
        private final CounterDataPoint ok;
        private final DistributionDataPoint latency;
        private final Map<String, CounterDataPoint> byClass;
        private final DistributionDataPoint value;

        private VersionMetrics(String model, String version, Task task, List<String> classes) {
            this.model = model;
            this.version = version;
            this.ok = status(200);
            this.latency = duration.labelValues(model, version);
            if (task == Task.CLASSIFICATION) {
                Map<String, CounterDataPoint> m = new HashMap<>();
                for (String c : classes == null ? List.<String>of() : classes) {
                    m.put(c, predictions.labelValues(model, version, c));
                }
                this.byClass = m;
                this.value = null;
            } else {
                this.byClass = Map.of();
                this.value = predictionValue.labelValues(model, version);
            }
        }

        CounterDataPoint status(int code) {
            return code == 200 && ok != null ? ok
                    : byStatus.computeIfAbsent(code, c -> requests.labelValues(model, version, Integer.toString(c)));
        }

        void request(int status, long nanos) {
            status(status).inc();
            latency.observe(nanos / 1e9);
        }

        void predicted(Object prediction) {
            if (value != null) {
                if (prediction instanceof Number n) {
                    value.observe(n.doubleValue());
                }
                return;
            }
            CounterDataPoint c = byClass.get(String.valueOf(prediction));
            (c != null ? c : predictions.labelValues(model, version, String.valueOf(prediction))).inc();
        }
    }
}
