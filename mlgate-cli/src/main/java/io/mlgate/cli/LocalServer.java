package io.mlgate.cli;

import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.deploy.DeployException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A local {@code mlgate serve} for {@code mlgate run --serve}: reuses one that answers at the
 * URL, or starts one in the background (its own process, so it outlives the run) with a
 * generated admin token in {@code .mlgate/admin-token} and its log in {@code .mlgate/server.log}.
 *
 * @param url       base URL of the server
 * @param pid       process id, or -1 when an already running server was reused
 * @param tokenFile the admin token file the server was started with (for a reused server: {@code .mlgate/admin-token}
 *                  when it exists, else null and the configured token applies)
 * @param log       the server's log file (null when reused)
 */
record LocalServer(String url, long pid, Path tokenFile, Path log) {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** A running server at {@code url} (answering /health), or a newly started one on {@code port} (0 = a free one). */
    static LocalServer ensure(LoadedConfig loaded, String url, int port) {
        Path state = loaded.baseDir().resolve(".mlgate");
        Path tokenFile = state.resolve("admin-token");
        String reuse = url != null ? url : port > 0 ? "http://127.0.0.1:" + port : null;
        if (reuse != null && healthy(reuse)) {
            // most likely the server an earlier 'run --serve' started, with the token it wrote
            return new LocalServer(reuse, -1, Files.isRegularFile(tokenFile) ? tokenFile : null, null);
        }
        int chosen = port == 0 ? freePort() : port;
        String serverUrl = "http://127.0.0.1:" + chosen;
        Path log = state.resolve("server.log");
        writeTokenIfAbsent(tokenFile);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--registry", registryUri(loaded), "--host", "127.0.0.1", "--port", String.valueOf(chosen),
                "--admin-token-file", tokenFile.toString());
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new DeployException("cannot start 'mlgate serve': " + e.getMessage());
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new DeployException("'mlgate serve' stopped at start (exit " + process.exitValue() + "); see " + log);
            }
            if (healthy(serverUrl)) {
                return new LocalServer(serverUrl, process.pid(), tokenFile, log);
            }
            sleep();
        }
        process.destroy();
        throw new DeployException("'mlgate serve' did not answer " + serverUrl + "/health within " + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** The registry URI with a file: path made absolute, so the server finds it from any directory. */
    static String registryUri(LoadedConfig loaded) {
        String uri = loaded.config().registry();
        if (uri.startsWith("file:")) {
            String path = uri.substring("file:".length());
            return path.startsWith("//") ? uri : "file:" + loaded.baseDir().resolve(path).normalize();
        }
        return uri.contains("://") ? uri : "file:" + loaded.baseDir().resolve(uri).normalize();
    }

    private static boolean healthy(String url) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void writeTokenIfAbsent(Path tokenFile) {
        try {
            if (Files.isRegularFile(tokenFile) && !Files.readString(tokenFile).isBlank()) {
                return;
            }
            Files.createDirectories(tokenFile.getParent());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            io.mlgate.core.util.AtomicFiles.write(tokenFile, HexFormat.of().formatHex(secret) + "\n");
            try {
                Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the token stays readable by the OS defaults
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin token " + tokenFile + ": " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port: " + e.getMessage(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
