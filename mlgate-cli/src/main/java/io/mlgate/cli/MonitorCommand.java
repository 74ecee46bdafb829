package io.mlgate.cli;

import io.mlgate.core.monitor.MetricsEndpointSource;
import io.mlgate.core.monitor.Monitor;
import io.mlgate.core.monitor.MonitorReport;
import io.mlgate.core.monitor.PrometheusSource;
import io.mlgate.core.monitor.SignalSource;
import io.mlgate.core.pipeline.Pipeline;
import io.mlgate.core.pipeline.StepOutcome;
import io.mlgate.core.util.AtomicFiles;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "monitor",
        description = {"Watch the deployed model and decide whether to retrain: reads the serving signals of the version in",
                "production (deploy ledger, else the production alias) from the server's /metrics or a Prometheus server,",
                "joins labelled outcomes to the prediction log for live metrics, and judges the retrain: triggers of",
                "mlgate.yaml (drift, prediction shift, live metrics, new data, schedule, on demand).",
                "Exits 7 when a retrain is needed, 4 when the signals could not be read, 0 otherwise (--exit-zero: always 0).",
                "A retrain request is recorded in the registry history (action retrain-requested) unless --no-record."},
        footerHeading = "%nExamples:%n",
        footer = {"  mlgate monitor -c mlgate.yaml --server http://127.0.0.1:8080",
                "  mlgate monitor -c mlgate.yaml --prometheus http://prometheus:9090 --query-window 1h --dotenv monitor.env --exit-zero",
                "  mlgate monitor -c mlgate.yaml --server http://127.0.0.1:8080 --outcomes outcomes.csv --prediction-log /var/log/mlgate",
                "  MLGATE_RETRAIN=true mlgate monitor -c mlgate.yaml --dotenv monitor.env",
                "",
                "dotenv keys: RETRAIN=true|false, RETRAIN_REASON, RETRAIN_TRIGGERS, MONITOR_STATUS, MONITORED_MODEL, MONITORED_VERSION"})
final class MonitorCommand extends PipelineCommand {
    /** Bearer token for a Prometheus API behind authentication. */
    static final String PROMETHEUS_TOKEN_ENV = "MLGATE_PROMETHEUS_TOKEN";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--server", paramLabel = "URL", description = "Read GET URL/metrics of the model server (counters since the version was loaded).")
    String server;

    @Option(names = "--prometheus", paramLabel = "URL",
            description = "Query a Prometheus server's HTTP API (URL/api/v1/query) over --query-window instead; token from $"
                    + PROMETHEUS_TOKEN_ENV + " when set.")
    String prometheus;

    @Option(names = "--query-window", paramLabel = "DURATION", defaultValue = "1h",
            description = "PromQL range for --prometheus counters and latency (default: ${DEFAULT-VALUE}).")
    String queryWindow;

    @Option(names = "--outcomes", paramLabel = "FILE",
            description = "Labelled outcomes: CSV (request_id|id, actual|outcome|<label>) or JSON ({id: actual} or [{request_id, actual}]).")
    Path outcomes;

    @Option(names = "--prediction-log", paramLabel = "DIR", description = "The server's --prediction-log directory (outcomes are joined to it).")
    Path predictionLog;

    @Option(names = "--version", paramLabel = "V", description = "Watch this version instead of the deployed one.")
    String version;

    @Option(names = "--force", description = "Ask for a retrain on demand (as does env MLGATE_RETRAIN=true).")
    boolean force;

    @Option(names = "--no-record", description = "Do not record a retrain request in the registry history.")
    boolean noRecord;

    @Option(names = "--dotenv", paramLabel = "FILE",
            description = "Write the decision as KEY=VALUE lines (GitLab artifacts:reports:dotenv): RETRAIN, RETRAIN_REASON, RETRAIN_TRIGGERS, "
                    + "MONITOR_STATUS, MONITORED_MODEL, MONITORED_VERSION.")
    Path dotenv;

    @Option(names = "--exit-zero", description = "Exit 0 also when a retrain is needed or the signals are unreadable (read RETRAIN from --dotenv or --json).")
    boolean exitZero;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10", description = "Per HTTP call (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    Clock clock = Clock.systemUTC();
    Map<String, String> env = System.getenv();

    @Override
    StepOutcome execute(Pipeline pipeline) {
        if (server != null && prometheus != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --server or --prometheus, not both");
        }
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        SignalSource source = null;
        try {
            if (server != null) {
                source = new MetricsEndpointSource(URI.create(server), timeout);
            } else if (prometheus != null) {
                source = new PrometheusSource(URI.create(prometheus), queryWindow, timeout, env.get(PROMETHEUS_TOKEN_ENV));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Monitor monitor = new Monitor(pipeline.loaded(), pipeline.registry(), clock);
        MonitorReport report = monitor.run(new Monitor.Request(source, outcomes, predictionLog, version, Monitor.onDemand(force, env), !noRecord));
        if (dotenv != null) {
            AtomicFiles.write(dotenv, report.dotenv());
            java.util.List<String> files = new java.util.ArrayList<>(report.files());
            files.add(dotenv.toAbsolutePath().toString());
            report = report.withFiles(files);
        }
        return report;
    }

    @Override
    int exitCode(StepOutcome outcome) {
        return exitZero ? ExitCodes.OK : ExitCodes.forMonitor(outcome.status());
    }
}
