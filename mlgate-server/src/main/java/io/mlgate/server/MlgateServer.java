package io.mlgate.server;

import io.mlgate.core.deploy.TrafficSplit;
import io.mlgate.core.registry.ModelRegistry;
import io.mlgate.core.registry.Registries;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The model server behind {@code mlgate serve}: Jetty 12 core handlers on a bounded thread pool,
 * any number of models from one registry, hot swaps, canary and shadow routing, Prometheus
 * metrics with live drift, and a token-protected admin API. Start with {@link #start()} (ready
 * is false until {@link #markReady()}), or in one step with {@link #serve}.
 */
public final class MlgateServer implements AutoCloseable {
    private static final long STOP_TIMEOUT_MS = 5_000;
    private static final Logger LOG = Logger.getLogger(MlgateServer.class.getName());

    private final ServerOptions options;
    private final ModelHost host;
    private final Server jetty;
    private final ServerConnector connector;
    private final PredictionLog predictionLog;
    private volatile boolean ready;

    public MlgateServer(ServerOptions options) {
        this(options, Registries.open(options.registryUri(), options.baseDir()));
    }

    public MlgateServer(ServerOptions options, ModelRegistry registry) {
        this(options, registry, null);
    }

    /**
     * A server that also logs every sampled answered row to a prediction log (see {@link PredictionLog}).
     *
     * @param predictionLog null for no log
     */
    public MlgateServer(ServerOptions options, ModelRegistry registry, PredictionLog.Options predictionLog) {
        this.options = options;
        this.host = new ModelHost(registry, options.registryUri(), options.driftWindow(), options.driftMinRows());
        QueuedThreadPool threads = new QueuedThreadPool(options.maxThreads(), Math.min(8, options.maxThreads()));
        threads.setName("mlgate-serve");
        this.jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        this.connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        jetty.addConnector(connector);
        // Graceful: on stop, new requests get 503 while in-flight ones finish (up to the stop timeout).
        this.predictionLog = predictionLog == null ? null : new PredictionLog(predictionLog, host.metrics().registry());
        jetty.setHandler(new GracefulHandler(new ApiHandler(host, new AdminAuth(options.adminToken()), () -> ready,
                options.maxBodyBytes(), options.maxRows(), this.predictionLog)));
        jetty.setStopTimeout(STOP_TIMEOUT_MS);
    }

    /**
     * Starts a server, deploys the given models (version or alias per model, e.g.
     * {@code credit-risk=production}) and marks it ready. Stops it again if a deploy fails.
     */
    public static MlgateServer serve(ServerOptions options, Map<String, String> deploy) {
        Map<String, TrafficSplit> splits = new java.util.LinkedHashMap<>();
        deploy.forEach((model, version) -> splits.put(model, TrafficSplit.only(version)));
        return serveSplits(options, splits);
    }

    /**
     * Starts a server with whole routing states: each split's versions may be version numbers or
     * aliases (resolved against the registry), e.g. stable {@code production}, canary {@code 4} at 10%.
     */
    public static MlgateServer serveSplits(ServerOptions options, Map<String, TrafficSplit> splits) {
        return serveSplits(options, splits, null);
    }

    /** {@link #serveSplits(ServerOptions, Map)} with a prediction log (null for none). */
    public static MlgateServer serveSplits(ServerOptions options, Map<String, TrafficSplit> splits, PredictionLog.Options predictionLog) {
        MlgateServer server = new MlgateServer(options, Registries.open(options.registryUri(), options.baseDir()), predictionLog);
        server.start();
        try {
            for (Map.Entry<String, TrafficSplit> e : splits.entrySet()) {
                String model = e.getKey();
                TrafficSplit split = e.getValue();
                server.host.apply(model, new TrafficSplit(server.host.resolve(model, split.stable()),
                        split.canary() == null ? null : server.host.resolve(model, split.canary()), split.canaryPercent(),
                        split.shadow() == null ? null : server.host.resolve(model, split.shadow())));
            }
        } catch (RuntimeException e) {
            server.stop();
            throw e;
        }
        server.markReady();
        return server;
    }

    /** Starts listening; /health says not ready until {@link #markReady()}. */
    public void start() {
        try {
            jetty.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the model server on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage() + (e instanceof java.io.IOException ? " (is the port in use? pick another with --port)" : ""), e);
        }
        LOG.info(() -> "mlgate serve listening on " + uri());
    }

    /** Startup loading is done: /health answers 200 and predict requests are served. */
    public void markReady() {
        ready = true;
    }

    public boolean isReady() {
        return ready;
    }

    /** Routes a model (see {@link ModelHost#apply}). */
    public TrafficSplit apply(String model, TrafficSplit split) {
        return host.apply(model, split);
    }

    public ModelHost host() {
        return host;
    }

    public ServerMetrics metrics() {
        return host.metrics();
    }

    /** The prediction log, or null when the server logs none. */
    public PredictionLog predictionLog() {
        return predictionLog;
    }

    public ServerOptions options() {
        return options;
    }

    /** The port listened on (the chosen one when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port}. */
    public URI uri() {
        String h = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + ("0.0.0.0".equals(h) ? "127.0.0.1" : h) + ":" + port());
    }

    /** Model name to traffic description, e.g. {@code credit-risk: stable 3}. */
    public Map<String, String> deployed() {
        return new LinkedHashMap<>(host.describe());
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops accepting requests, lets in-flight ones finish (up to 5 s) and stops. */
    public void stop() {
        ready = false;
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the model server: " + e.getMessage(), e);
        } finally {
            if (predictionLog != null) {
                predictionLog.close(); // after the in-flight requests: what they logged is written
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
