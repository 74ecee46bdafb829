package io.mlgate.core.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlgate.core.config.ConfigLoader;
import io.mlgate.core.config.LoadedConfig;
import io.mlgate.core.config.PipelineConfig;
import io.mlgate.core.config.Task;
import io.mlgate.core.data.DataException;
import io.mlgate.core.deploy.DeploymentLedger;
import io.mlgate.core.deploy.LedgerState;
import io.mlgate.core.evaluate.Evaluator;
import io.mlgate.core.evaluate.MetricSet;
import io.mlgate.core.evaluate.Predictions;
import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.registry.HistoryEntry;
import io.mlgate.core.registry.ModelRegistry;
import io.mlgate.core.registry.ModelVersion;
import io.mlgate.core.train.ModelArtifact;
import io.mlgate.core.util.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code mlgate monitor}: watches the deployed version of a model and decides whether to retrain.
 * Finds the version in production (the deploy ledger of {@code deploy.environment}, else the
 * {@code production} alias), reads its serving signals, joins labelled outcomes to the
 * prediction log, judges the {@code retrain:} triggers, writes {@code monitor.json} and, when a
 * retrain is needed, records a {@value MonitorReport#ACTION_RETRAIN_REQUESTED} entry (trigger and
 * reason) in the registry history.
 */
public final class Monitor {
    /** The environment variable that asks for a retrain on demand. */
    public static final String RETRAIN_ENV = "MLGATE_RETRAIN";

    private final LoadedConfig loaded;
    private final PipelineConfig config;
    private final ModelRegistry registry;
    private final Clock clock;

    public Monitor(LoadedConfig loaded, ModelRegistry registry, Clock clock) {
        this.loaded = loaded;
        this.config = loaded.config();
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * What to look at.
     *
     * @param source        serving signals, or null to judge only outcomes, schedule and on-demand
     * @param outcomes      labelled outcomes file, or null
     * @param predictionLog the server's prediction log directory (needed with outcomes)
     * @param version       the version to watch, or null for the deployed one
     * @param onDemand      null, or how a retrain was requested (e.g. {@code --force})
     * @param record        whether a retrain request is recorded in the registry history
     */
    public record Request(SignalSource source, Path outcomes, Path predictionLog, String version, String onDemand, boolean record) {
    }

    /** How a retrain was requested through the environment: {@code MLGATE_RETRAIN=true}, else null. */
    public static String onDemand(boolean force, Map<String, String> env) {
        if (force) {
            return "--force";
        }
        String v = env.get(RETRAIN_ENV);
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")) ? RETRAIN_ENV + "=" + v : null;
    }

    public MonitorReport run(Request request) {
        String model = config.model();
        String environment = config.deploy().environment();
        Instant now = clock.instant();
        List<String> messages = new ArrayList<>();

        String version = request.version();
        String versionSource = "--version";
        if (version == null) {
            Optional<LedgerState> ledger = new DeploymentLedger(registry).latest(model, environment);
            if (ledger.isPresent() && ledger.get().traffic().stable() != null) {
                version = ledger.get().traffic().stable();
                versionSource = environment + ", from the deploy ledger";
            } else {
                Optional<ModelVersion> alias = registry.alias(model, ModelRegistry.PRODUCTION);
                version = alias.map(ModelVersion::version).orElse(null);
                versionSource = ModelRegistry.PRODUCTION + " alias";
            }
        }
        ModelVersion registered = version == null ? null : registry.version(model, version).orElseThrow(() -> new DataException(
                model + " has no version '" + request.version() + "' in " + config.registry() + "; pass a registered --version"));

        ServingSignals signals = null;
        if (version == null) {
            messages.add("[monitor - serving]: INACTIVE - " + model + " has nothing in " + environment
                    + " (no deploy ledger entry, no production alias); deploy a version first");
        } else if (request.source() == null) {
            messages.add("[monitor - serving]: INACTIVE - " + model + " version " + version + " (" + versionSource + "): "
                    + RetrainEvaluator.NO_SIGNALS);
        } else {
            signals = request.source().read(model, version);
            messages.add(servingLine(model, version, versionSource, signals));
        }

        PredictionProfile baseline = null;
        if (registered != null && signals != null && signals.available() && config.retrain().predictionShift().enabled()) {
            baseline = baseline(registered);
        }

        MetricSet live = null;
        long labelled = 0;
        Long newRows = null;
        long joinedCount = 0;
        long unmatched = 0;
        HistoryEntry lastRegister = lastRegistration(model);
        Instant lastTraining = lastRegister != null ? lastRegister.at() : registered != null ? registered.created() : null;
        String lastVersion = lastRegister != null ? lastRegister.version() : version;
        if (request.outcomes() != null) {
            if (request.predictionLog() == null) {
                throw new DataException("--outcomes " + request.outcomes() + " needs --prediction-log DIR: outcomes are joined to the "
                        + "logged predictions by request id (start the server with --prediction-log DIR)");
            }
            PredictionLogReader.Contents log = PredictionLogReader.read(request.predictionLog());
            Map<String, String> outcomes = OutcomeFile.read(request.outcomes(), config.label());
            OutcomeJoin join = OutcomeJoin.of(log.rows(), outcomes);
            joinedCount = join.rows().size();
            unmatched = join.unmatchedOutcomes();
            String v = version;
            List<OutcomeJoin.Labelled> mine = join.rows().stream().filter(r -> v != null && v.equals(r.prediction().version())).toList();
            labelled = mine.size();
            live = mine.isEmpty() ? new MetricSet(Map.of(), null, null, null, 0)
                    : liveMetrics(mine, config.task(), positive(registered));
            Instant since = lastTraining;
            newRows = join.rows().stream().filter(r -> since == null || r.prediction().time() == null || r.prediction().time().isAfter(since))
                    .count();
            messages.add("[monitor - outcomes]: " + (joinedCount > 0 ? GateStatus.PASSED : GateStatus.INACTIVE) + " - "
                    + RetrainEvaluator.rows(outcomes.size()) + " outcomes, " + RetrainEvaluator.rows(joinedCount) + " joined to the prediction log ("
                    + RetrainEvaluator.rows(labelled) + " of version " + version + "), " + RetrainEvaluator.rows(unmatched) + " unmatched, "
                    + RetrainEvaluator.rows(join.unlabelledPredictions()) + " logged predictions without an outcome"
                    + (log.skippedLines() > 0 ? ", " + log.skippedLines() + " unreadable log lines skipped" : ""));
        }

        Evidence evidence = new Evidence(version, signals, baseline, live, labelled,
                registered == null ? Map.of() : registered.metrics(), newRows, lastTraining, lastVersion, now, request.onDemand());
        List<TriggerResult> results = RetrainEvaluator.evaluate(config.retrain(), loaded.config().contract().drift(), evidence);
        results.forEach(r -> messages.add(r.message()));

        List<TriggerResult> fired = results.stream().filter(TriggerResult::fired).toList();
        boolean retrain = !fired.isEmpty();
        boolean blind = signals != null && !signals.available();
        GateStatus status;
        String verdict;
        String reason = String.join("; ", fired.stream().map(TriggerResult::reason).toList());
        String checked = String.join(", ", results.stream().map(r -> label(r) + " " + r.status()).toList());
        if (retrain) {
            status = GateStatus.FAILED;
            verdict = "retrain: " + reason;
        } else if (blind) {
            status = GateStatus.WARNING;
            verdict = "no retrain, but the serving signals could not be read (" + checked + ")";
        } else if (results.stream().anyMatch(r -> r.status() == GateStatus.PASSED)) {
            status = GateStatus.PASSED;
            verdict = "no retrain: " + checked;
        } else {
            status = GateStatus.INACTIVE;
            verdict = "no retrain: no trigger had enough evidence" + (results.isEmpty() ? "" : " (" + checked + ")");
        }
        messages.add("[retrain]: " + status + " - " + verdict);

        if (retrain && request.record() && !registry.models().contains(model)) {
            // the first training has not registered the model yet: there is no history to write to
            messages.add("[retrain - record]: INACTIVE - " + model + " is not in the registry yet; the retrain request is not recorded");
        } else if (retrain && request.record()) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("trigger", String.join(",", fired.stream().map(TriggerResult::trigger).toList()));
            details.put("messages", String.join("\n", fired.stream().map(TriggerResult::message).toList()));
            if (signals != null) {
                details.put("signals", signals.source());
            }
            registry.appendHistory(new HistoryEntry(now, model, MonitorReport.ACTION_RETRAIN_REQUESTED, version, environment, null, null,
                    reason, details));
        }
        MonitorReport report = new MonitorReport(status, model, environment, version, version == null ? null : versionSource, retrain,
                reason, fired.stream().map(TriggerResult::trigger).toList(), results, signals,
                live == null ? Map.of() : live.values(), labelled, joinedCount, unmatched, messages, List.of());
        Path file = loaded.resolve(config.output()).resolve("monitor.json");
        report = report.withFiles(List.of(file.toString()));
        AtomicFiles.write(file, io.mlgate.core.pipeline.Pipeline.toJson(report));
        return report;
    }

    private static String label(TriggerResult r) {
        String m = r.message();
        return m.substring("[retrain - ".length(), m.indexOf("]:"));
    }

    private static String servingLine(String model, String version, String versionSource, ServingSignals s) {
        String head = "[monitor - serving]: ";
        String who = model + " version " + version + " (" + versionSource + ")";
        if (!s.available()) {
            return head + GateStatus.WARNING + " - " + who + ": " + s.error();
        }
        Double rate = s.errorRate();
        return head + GateStatus.PASSED + " - " + who + " at " + s.source() + " " + s.window() + ": "
                + RetrainEvaluator.rows(s.requests()) + " requests, 5xx " + (rate == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f%%", 100 * rate))
                + ", p99 " + (s.latencyP99() == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f ms", 1000 * s.latencyP99()))
                + ", drift window " + (s.driftRows() == null ? "n/a" : RetrainEvaluator.rows(s.driftRows()) + " rows");
    }

    private HistoryEntry lastRegistration(String model) {
        HistoryEntry last = null;
        for (HistoryEntry e : registry.history(model)) {
            if (HistoryEntry.ACTION_REGISTER.equals(e.action()) && e.at() != null) {
                last = e;
            }
        }
        return last;
    }

    /**
     * The holdout predictions of a version at registration: the {@value PredictionProfile#TAG}
     * tag, else {@code data.holdout} scored with the version's model now; null when neither exists.
     */
    PredictionProfile baseline(ModelVersion version) {
        PredictionProfile tagged = PredictionProfile.fromTag(version.tags().get(PredictionProfile.TAG));
        if (tagged != null) {
            return tagged;
        }
        String holdout = config.data().holdout();
        if (holdout == null || !Files.isRegularFile(loaded.resolve(holdout))) {
            return null;
        }
        ModelArtifact artifact = ModelArtifact.load(registry.modelDirectory(config.model(), version.version()));
        return PredictionProfile.of(artifact.predictor().predict(loaded.resolve(holdout), config.label()));
    }

    /** The positive class: {@code positive} of mlgate.yaml, else the one stored with the model. */
    private String positive(ModelVersion version) {
        if (config.positive() != null || version == null || config.task() != Task.CLASSIFICATION) {
            return config.positive();
        }
        Path card = registry.modelDirectory(config.model(), version.version()).resolve(ModelArtifact.CARD_FILE);
        try {
            JsonNode node = ConfigLoader.jsonMapper().readTree(card.toFile());
            return node.hasNonNull("positive") ? node.get("positive").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Metrics of the logged predictions against the outcomes, computed by the same
     * {@link Evaluator} as the holdout metrics: for binary classification the logged score is the
     * positive probability and the logged class already applies the model's threshold.
     */
    public static MetricSet liveMetrics(List<OutcomeJoin.Labelled> rows, Task task, String positive) {
        int n = rows.size();
        if (task == Task.REGRESSION) {
            double[] actual = new double[n];
            double[] predicted = new double[n];
            for (int i = 0; i < n; i++) {
                OutcomeJoin.Labelled r = rows.get(i);
                actual[i] = number(r.actual(), "outcome of " + r.prediction().requestId());
                predicted[i] = number(r.prediction().prediction(), "logged prediction of " + r.prediction().requestId());
            }
            return Evaluator.evaluate(Predictions.regression(actual, predicted));
        }
        String[] actual = new String[n];
        String[] predicted = new String[n];
        double[] score = positive == null ? null : new double[n];
        for (int i = 0; i < n; i++) {
            OutcomeJoin.Labelled r = rows.get(i);
            actual[i] = r.actual();
            predicted[i] = r.prediction().prediction();
            if (score != null) {
                Double s = r.prediction().score() != null ? r.prediction().score() : r.prediction().probabilities().get(positive);
                if (s == null) {
                    score = null;
                } else {
                    score[i] = s;
                }
            }
        }
        return Evaluator.evaluate(Predictions.classification(positive, Double.NaN, actual, predicted, score));
    }

    private static double number(String text, String what) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new DataException("the " + what + " is '" + text + "', not a number; a regression outcome must be numeric");
        }
    }
}
