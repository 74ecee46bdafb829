package io.mlgate.core.monitor;

import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.pipeline.StepOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@code mlgate monitor}: whether to retrain, which triggers fired and why, and
 * the signals they were judged on. {@code status} is FAILED when a retrain is needed, WARNING
 * when no trigger fired but the serving signals could not be read, else PASSED (INACTIVE when no
 * trigger had enough evidence).
 *
 * @param version       the deployed version watched (null when nothing is deployed)
 * @param versionSource where that version came from: the deploy ledger, the production alias or --version
 * @param retrain       whether a retrain is needed
 * @param reason        the fired triggers' reasons joined by "; " (RETRAIN_REASON), empty when none
 * @param triggers      ids of the fired triggers (RETRAIN_TRIGGERS)
 * @param results       every trigger's verdict
 * @param signals       the serving signals read, null without a source
 * @param liveMetrics   metrics on the labelled rows of the version, empty without outcomes
 * @param labelledRows  labelled rows of the version
 * @param joined        outcomes joined to logged rows (any version)
 * @param unmatched     outcomes with no logged row
 */
public record MonitorReport(GateStatus status, String model, String environment, String version, String versionSource,
                            boolean retrain, String reason, List<String> triggers, List<TriggerResult> results,
                            ServingSignals signals, Map<String, Double> liveMetrics, long labelledRows, long joined, long unmatched,
                            List<String> messages, List<String> files) implements StepOutcome {

    /** The history action {@code mlgate monitor} records when it asks for a retrain. */
    public static final String ACTION_RETRAIN_REQUESTED = "retrain-requested";
    /** Longest RETRAIN_REASON written to a dotenv file (GitLab limits the size of dotenv reports). */
    static final int MAX_DOTENV_VALUE = 1000;

    public MonitorReport {
        triggers = List.copyOf(triggers);
        results = List.copyOf(results);
        liveMetrics = liveMetrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(liveMetrics));
        messages = List.copyOf(messages);
        files = List.copyOf(files);
    }

    /** The same report with these files listed. */
    public MonitorReport withFiles(List<String> newFiles) {
        return new MonitorReport(status, model, environment, version, versionSource, retrain, reason, triggers, results, signals,
                liveMetrics, labelledRows, joined, unmatched, messages, newFiles);
    }

    /**
     * The decision as a dotenv file for GitLab ({@code artifacts: reports: dotenv}) and shells:
     * {@code RETRAIN}, {@code RETRAIN_REASON}, {@code RETRAIN_TRIGGERS}, {@code MONITOR_STATUS},
     * {@code MONITORED_MODEL}, {@code MONITORED_VERSION}. One line each, no quotes (GitLab takes
     * the value verbatim), newlines replaced by spaces.
     */
    public String dotenv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("RETRAIN", Boolean.toString(retrain));
        env.put("RETRAIN_REASON", reason == null ? "" : reason);
        env.put("RETRAIN_TRIGGERS", String.join(",", triggers));
        env.put("MONITOR_STATUS", status.name());
        env.put("MONITORED_MODEL", model == null ? "" : model);
        env.put("MONITORED_VERSION", version == null ? "" : version);
        StringBuilder out = new StringBuilder();
        env.forEach((k, v) -> {
            String clean = v.replaceAll("[\\r\\n]+", " ").strip();
            if (clean.length() > MAX_DOTENV_VALUE) {
                clean = clean.substring(0, MAX_DOTENV_VALUE - 3) + "...";
            }
            out.append(k).append('=').append(clean).append('\n');
        });
        return out.toString();
    }
}
