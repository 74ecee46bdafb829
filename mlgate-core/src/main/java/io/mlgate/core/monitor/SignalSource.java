package io.mlgate.core.monitor;

/**
 * Where the serving signals of a deployed model come from: the model server's own
 * {@code /metrics} ({@link MetricsEndpointSource}) or a Prometheus server's HTTP API
 * ({@link PrometheusSource}). A source that cannot be reached answers
 * {@link ServingSignals#unavailable}, never throws: the monitor then says it is blind.
 */
public interface SignalSource {
    /** The signals of {@code model} version {@code version}. */
    ServingSignals read(String model, String version);

    /** For messages: the URL read. */
    String describe();
}
