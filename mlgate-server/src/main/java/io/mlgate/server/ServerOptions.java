package io.mlgate.server;

import java.nio.file.Path;

/**
 * How a model server runs: where it listens, which registry it loads models from, the admin
 * token, the live drift window and the input limits.
 *
 * @param host          interface to bind (default 127.0.0.1: nothing outside the machine)
 * @param port          TCP port; 0 picks a free one (tests)
 * @param registryUri   the registry models are loaded from ({@code file:...} or a path)
 * @param baseDir       directory a relative registry path is resolved against
 * @param adminToken    bearer token of the admin API; null or blank disables the admin API
 * @param driftWindow   live drift is measured over the last this many rows per model version
 * @param driftMinRows  no drift value is published before this many rows are in the window
 * @param maxBodyBytes  larger request bodies get 413
 * @param maxRows       more rows in one predict request get 400
 * @param maxThreads    size of the request thread pool (bounded)
 */
public record ServerOptions(String host, int port, String registryUri, Path baseDir, String adminToken,
                            int driftWindow, int driftMinRows, long maxBodyBytes, int maxRows, int maxThreads) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_DRIFT_WINDOW = 5_000;
    public static final int DEFAULT_DRIFT_MIN_ROWS = 1_000;
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_ROWS = 10_000;
    public static final int DEFAULT_MAX_THREADS = 32;

    public ServerOptions {
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.trim();
        adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken.strip();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535 (0 picks a free port), not " + port);
        }
        if (registryUri == null || registryUri.isBlank()) {
            throw new IllegalArgumentException("the server needs a registry to load models from; pass --registry file:/path/to/registry");
        }
        if (driftWindow < 1) {
            throw new IllegalArgumentException("--drift-window must be at least 1 row, not " + driftWindow);
        }
        if (driftMinRows < 1 || driftMinRows > driftWindow) {
            throw new IllegalArgumentException("--drift-min-rows must be between 1 and --drift-window (" + driftWindow + "), not "
                    + driftMinRows);
        }
        if (maxBodyBytes < 1 || maxRows < 1) {
            throw new IllegalArgumentException("request limits must be positive (max body " + maxBodyBytes + " bytes, max rows "
                    + maxRows + ")");
        }
        if (maxThreads < 8) {
            throw new IllegalArgumentException("the request thread pool needs at least 8 threads, not " + maxThreads);
        }
    }

    /** Defaults for everything but the registry: 127.0.0.1:8080, no admin token, window 5,000, min rows 1,000. */
    public static ServerOptions defaults(String registryUri) {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, registryUri, null, null, DEFAULT_DRIFT_WINDOW,
                DEFAULT_DRIFT_MIN_ROWS, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_ROWS, DEFAULT_MAX_THREADS);
    }

    public ServerOptions withHost(String newHost) {
        return new ServerOptions(newHost, port, registryUri, baseDir, adminToken, driftWindow, driftMinRows, maxBodyBytes, maxRows, maxThreads);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, registryUri, baseDir, adminToken, driftWindow, driftMinRows, maxBodyBytes, maxRows, maxThreads);
    }

    public ServerOptions withBaseDir(Path newBaseDir) {
        return new ServerOptions(host, port, registryUri, newBaseDir, adminToken, driftWindow, driftMinRows, maxBodyBytes, maxRows, maxThreads);
    }

    public ServerOptions withAdminToken(String token) {
        return new ServerOptions(host, port, registryUri, baseDir, token, driftWindow, driftMinRows, maxBodyBytes, maxRows, maxThreads);
    }

    public ServerOptions withDrift(int window, int minRows) {
        return new ServerOptions(host, port, registryUri, baseDir, adminToken, window, minRows, maxBodyBytes, maxRows, maxThreads);
    }

    public ServerOptions withLimits(long bodyBytes, int rows) {
        return new ServerOptions(host, port, registryUri, baseDir, adminToken, driftWindow, driftMinRows, bodyBytes, rows, maxThreads);
    }

    public ServerOptions withMaxThreads(int threads) {
        return new ServerOptions(host, port, registryUri, baseDir, adminToken, driftWindow, driftMinRows, maxBodyBytes, maxRows, threads);
    }
}
