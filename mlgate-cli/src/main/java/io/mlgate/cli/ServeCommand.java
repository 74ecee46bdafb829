package io.mlgate.cli;

import io.mlgate.core.deploy.TrafficSplit;
import io.mlgate.server.MlgateServer;
import io.mlgate.server.PredictionLog;
import io.mlgate.server.ServerException;
import io.mlgate.server.ServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve models from a registry over HTTP until stopped: predictions, model info, health, Prometheus metrics "
                + "with live drift, and a token-protected admin API for hot swaps, canary and shadow.", ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  mlgate serve --registry file:examples/lending-club/.mlgate/registry --deploy credit-risk=production",
                "  MLGATE_ADMIN_TOKEN=s3cret mlgate serve --registry file:/srv/registry --port 9000 --deploy credit-risk=3",
                "  curl -s localhost:8080/v1/models/credit-risk:predict -d '{\"rows\": [{\"int_rate\": 12.9, ...}]}'",
                "",
                "Endpoints: POST /v1/models/{name}:predict, GET /v1/models[/{name}], GET /health, GET /metrics,",
                "  GET|PUT /admin/models/{name}/traffic, DELETE /admin/models/{name} (admin: Authorization: Bearer <token>).",
                "Stop with Ctrl-C or kill <pid>: in-flight requests finish first."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--registry", required = true, paramLabel = "URI",
            description = "Registry to load models from, e.g. file:.mlgate/registry (relative to the working directory).")
    String registry;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = ServerOptions.DEFAULT_HOST,
            description = "Interface to bind (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--admin-token-file", paramLabel = "FILE",
            description = "File holding the admin API token (else env MLGATE_ADMIN_TOKEN; with neither the admin API is disabled).")
    Path adminTokenFile;

    @Option(names = "--deploy", paramLabel = "MODEL=VERSION",
            description = "Deploy a model at start: a version or an alias, e.g. credit-risk=3 or credit-risk=production (repeatable).")
    List<String> deploy = List.of();

    @Option(names = "--canary", paramLabel = "MODEL=VERSION:PERCENT",
            description = "Start with a canary of a deployed model taking PERCENT of its requests, e.g. credit-risk=4:10 (repeatable).")
    List<String> canaries = new ArrayList<>();

    @Option(names = "--shadow", paramLabel = "MODEL=VERSION",
            description = "Start with a shadow of a deployed model: mirrors its requests, never answers (repeatable).")
    List<String> shadows = new ArrayList<>();

    @Option(names = "--drift-window", paramLabel = "N", defaultValue = "5000",
            description = "Live drift over the last N rows per model version (default: ${DEFAULT-VALUE}).")
    int driftWindow;

    @Option(names = "--drift-min-rows", paramLabel = "N", defaultValue = "1000",
            description = "No drift value before N rows are in the window (default: ${DEFAULT-VALUE}).")
    int driftMinRows;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "32",
            description = "Request threads (bounded pool; default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--prediction-log", paramLabel = "DIR",
            description = "Log answered rows (request id, time, version, inputs, prediction) as JSON lines in DIR, for "
                    + "'mlgate monitor --outcomes' and 'mlgate dataset build' (default: no log).")
    Path predictionLog;

    @Option(names = "--log-sample", paramLabel = "0..1", defaultValue = "1.0",
            description = "Share of requests logged (default: ${DEFAULT-VALUE}).")
    double logSample;

    @Option(names = "--log-max-bytes", paramLabel = "N", defaultValue = "67108864",
            description = "Rotate the log file before it grows past N bytes (default: ${DEFAULT-VALUE}, 64 MiB).")
    long logMaxBytes;

    @Option(names = "--log-files", paramLabel = "K", defaultValue = "5",
            description = "Log files kept, the current one included; the log holds at most K x --log-max-bytes (default: ${DEFAULT-VALUE}).")
    int logFiles;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // one line per log record
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %5$s%6$s%n");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerOptions options;
        try {
            options = new ServerOptions(host, port, registry, null, adminToken(), driftWindow, driftMinRows,
                    ServerOptions.DEFAULT_MAX_BODY_BYTES, ServerOptions.DEFAULT_MAX_ROWS, threads);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PredictionLog.Options logOptions = null;
        if (predictionLog != null) {
            try {
                logOptions = new PredictionLog.Options(predictionLog, logSample, logMaxBytes, logFiles, PredictionLog.Options.DEFAULT_QUEUE);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        MlgateServer server;
        try {
            server = MlgateServer.serveSplits(options, splits(), logOptions);
        } catch (ServerException | IllegalStateException e) {
            err.println("mlgate serve: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "mlgate-serve-stop"));
        Map<String, String> models = server.deployed();
        out.println("mlgate serve: listening on " + server.uri() + " (pid " + ProcessHandle.current().pid() + ")");
        out.println("  models: " + (models.isEmpty() ? "none yet (deploy with PUT /admin/models/{name}/traffic)" : models));
        if (logOptions != null) {
            out.println("  prediction log: " + predictionLog.toAbsolutePath() + " (sample " + logSample + ", " + logFiles + " files of at most "
                    + logMaxBytes + " bytes)");
        }
        out.println("  admin API: " + (options.adminToken() == null ? "disabled (set --admin-token-file or MLGATE_ADMIN_TOKEN)" : "enabled"));
        out.println("  stop with Ctrl-C or: kill " + ProcessHandle.current().pid());
        out.flush();
        server.join();
        return ExitCodes.OK;
    }

    private String adminToken() {
        if (adminTokenFile == null) {
            return System.getenv("MLGATE_ADMIN_TOKEN");
        }
        try {
            String token = Files.readString(adminTokenFile).strip();
            if (token.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--admin-token-file " + adminTokenFile
                        + " is empty; put the token in it");
            }
            return token;
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--admin-token-file " + adminTokenFile
                    + " cannot be read: " + e.getMessage());
        }
    }

    /** The startup routing of every model: --deploy gives the stable version, --canary and --shadow add to it. */
    private Map<String, TrafficSplit> splits() {
        Map<String, TrafficSplit> splits = new LinkedHashMap<>();
        deployments().forEach((model, version) -> splits.put(model, TrafficSplit.only(version)));
        for (String c : canaries) {
            String[] mv = modelAndValue("--canary", c, "credit-risk=4:10");
            int colon = mv[1].lastIndexOf(':');
            int percent;
            try {
                percent = colon > 0 ? Integer.parseInt(mv[1].substring(colon + 1).strip()) : -1;
            } catch (NumberFormatException e) {
                percent = -1;
            }
            if (percent < 0 || percent > 100) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--canary " + c
                        + ": expected MODEL=VERSION:PERCENT with PERCENT 0..100, e.g. credit-risk=4:10");
            }
            TrafficSplit base = stableOf(splits, mv[0], "--canary " + c);
            splits.put(mv[0], new TrafficSplit(base.stable(), mv[1].substring(0, colon).strip(), percent, base.shadow()));
        }
        for (String sh : shadows) {
            String[] mv = modelAndValue("--shadow", sh, "credit-risk=5");
            TrafficSplit base = stableOf(splits, mv[0], "--shadow " + sh);
            splits.put(mv[0], new TrafficSplit(base.stable(), base.canary(), base.canaryPercent(), mv[1]));
        }
        return splits;
    }

    private TrafficSplit stableOf(Map<String, TrafficSplit> splits, String model, String option) {
        TrafficSplit base = splits.get(model);
        if (base == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": model " + model
                    + " has no stable version; add --deploy " + model + "=VERSION");
        }
        return base;
    }

    private String[] modelAndValue(String option, String value, String example) {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " " + value + ": expected MODEL=VALUE, e.g. " + example);
        }
        return new String[] {value.substring(0, eq).strip(), value.substring(eq + 1).strip()};
    }

    private Map<String, String> deployments() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String d : deploy) {
            int eq = d.indexOf('=');
            if (eq <= 0 || eq == d.length() - 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--deploy " + d
                        + ": expected MODEL=VERSION or MODEL=ALIAS, e.g. credit-risk=3 or credit-risk=production");
            }
            out.put(d.substring(0, eq).strip(), d.substring(eq + 1).strip());
        }
        return out;
    }
}
