package io.mlgate.core.deploy;

import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.registry.HistoryEntry;
import io.mlgate.core.registry.ModelRegistry;
import io.mlgate.core.registry.ModelVersion;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plans, applies and verifies one change, the same way on every target: read the current state,
 * plan the next one ({@link DeployPlanner}), apply it, run the health and smoke check, and when
 * the check fails put the previous state back and record a {@code rollback} saying why. Every
 * change that stays is recorded as a {@code deploy}, {@code promote} or {@code rollback} ledger
 * entry with who, when, why, versions, traffic, target and strategy.
 *
 * <p>Pinned messages: {@code [deploy - production]: PASSED - credit-risk stable 3 (was stable 2) on local
 * http://127.0.0.1:8080; smoke check: 5 of 5 rows match} and {@code [deploy - production]: FAILED - smoke
 * check: 3 of 5 rows differ (row 2: expected bad, got good); rolled back to stable 2}.
 */
public final class Deployer {
    private final ModelRegistry registry;
    private final DeploymentTarget target;
    private final SmokeCheck smoke;
    private final Clock clock;
    private final DeploymentLedger ledger;

    /**
     * @param smoke the known rows checked after the change
     * @param clock the time written into ledger entries
     */
    public Deployer(ModelRegistry registry, DeploymentTarget target, SmokeCheck smoke, Clock clock) {
        this.registry = registry;
        this.target = target;
        this.smoke = smoke;
        this.clock = clock;
        this.ledger = new DeploymentLedger(registry);
    }

    public DeploymentLedger ledger() {
        return ledger;
    }

    /**
     * Makes the change. Requests that cannot be planned throw a {@linkplain DeployException#usage usage}
     * {@link DeployException} before anything is touched; a target that fails or a failed check is a
     * FAILED outcome.
     */
    public DeployOutcome deploy(DeployRequest request) {
        String model = request.model();
        String env = request.environment();
        Strategy strategy = request.strategy();
        String label = "[" + strategy.action() + " - " + env + "]";
        if (strategy == Strategy.REPLACE || strategy == Strategy.CANARY || strategy == Strategy.SHADOW) {
            requireRegistered(model, request.version());
        }
        TrafficSplit current;
        try {
            current = target.current(model);
        } catch (DeployException e) {
            if (e.isUsage()) {
                throw e;
            }
            return outcome(GateStatus.FAILED, request, null, null, null, null, false, null,
                    List.of(label + ": FAILED - " + e.getMessage() + "; nothing changed"));
        }
        TrafficSplit previous = strategy == Strategy.ROLLBACK ? ledger.rollbackTarget(model, env).orElse(null) : null;
        TrafficSplit next = DeployPlanner.plan(strategy, current, request.version(), request.percent(), previous);
        if (next.equals(current)) {
            return outcome(GateStatus.PASSED, request, current, next, current, null, false, null,
                    List.of(label + ": PASSED - " + model + " already at " + current.describe() + " on " + where() + "; nothing changed"));
        }
        try {
            target.apply(model, next);
        } catch (DeployException e) {
            if (e.isUsage()) {
                throw e;
            }
            // the server swaps atomically and a rollout that was refused never started: the old state still serves
            return outcome(GateStatus.FAILED, request, current, next, current, null, false, null,
                    List.of(label + ": FAILED - " + e.getMessage() + "; still " + current.describe()));
        }
        SmokeResult result;
        try {
            result = smoke.run(target, model, next);
        } catch (DeployException e) {
            result = new SmokeResult(GateStatus.FAILED, smoke.size(), 0, "smoke check: " + e.getMessage(), List.of());
        }
        if (result.failed()) {
            return rollBack(request, label, current, next, result);
        }
        HistoryEntry entry = record(strategy.action(), request, next, current, request.reason(), result, Map.of());
        String message = label + ": PASSED - " + model + " " + next.describe() + " (was " + current.describe() + ") on " + where()
                + "; " + result.summary();
        return outcome(GateStatus.PASSED, request, current, next, next, result, false, entry, List.of(message));
    }

    private DeployOutcome rollBack(DeployRequest request, String label, TrafficSplit current, TrafficSplit failed, SmokeResult result) {
        List<String> messages = new ArrayList<>();
        String back;
        boolean rolledBack;
        HistoryEntry entry = null;
        try {
            target.apply(request.model(), current);
            rolledBack = true;
            back = current.isDeployed() ? "rolled back to " + current.describe() : "rolled back: undeployed (nothing was deployed before)";
            Map<String, String> details = new LinkedHashMap<>();
            details.put(DeploymentLedger.AUTOMATIC, "true");
            details.put(DeploymentLedger.FAILED_TRAFFIC, DeploymentLedger.trafficJson(failed));
            details.put("requested_reason", request.reason());
            entry = record(HistoryEntry.ACTION_ROLLBACK, request, current, failed, "automatic rollback: " + result.summary(), result, details);
        } catch (DeployException e) {
            rolledBack = false;
            back = "ROLLBACK FAILED (" + e.getMessage() + "); " + failed.describe() + " may still be serving - run 'mlgate rollback'";
        }
        messages.add(label + ": FAILED - " + result.summary() + "; " + back);
        result.differences().stream().skip(1).map(d -> "  " + d).forEach(messages::add);
        return outcome(GateStatus.FAILED, request, current, failed, rolledBack ? current : failed, result, rolledBack, entry, messages);
    }

    private HistoryEntry record(String action, DeployRequest request, TrafficSplit now, TrafficSplit before, String reason,
            SmokeResult result, Map<String, String> extra) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put(DeploymentLedger.TRAFFIC, DeploymentLedger.trafficJson(now));
        details.put(DeploymentLedger.PREVIOUS_TRAFFIC, DeploymentLedger.trafficJson(before));
        details.put(DeploymentLedger.TARGET, target.name());
        details.put(DeploymentLedger.ENDPOINT, target.endpoint());
        details.put(DeploymentLedger.STRATEGY, request.strategy().id());
        details.put(DeploymentLedger.SMOKE_CHECK, result.summary());
        details.putAll(extra);
        HistoryEntry entry = new HistoryEntry(clock.instant(), request.model(), action, now.stable(), request.environment(), before.stable(),
                request.actor(), reason, details);
        registry.appendHistory(entry);
        return entry;
    }

    private void requireRegistered(String model, String version) {
        if (version == null || version.isBlank() || registry.version(model, version).isPresent()) {
            return;
        }
        List<ModelVersion> versions = registry.versions(model);
        throw DeployException.usage(model + " has no version " + version + " in the registry; "
                + (versions.isEmpty() ? "register one first (mlgate register)"
                        : "registered: " + versions.stream().map(ModelVersion::version).collect(Collectors.joining(", "))));
    }

    private String where() {
        return target.name() + " " + target.endpoint();
    }

    private DeployOutcome outcome(GateStatus status, DeployRequest request, TrafficSplit previous, TrafficSplit requested, TrafficSplit now,
            SmokeResult result, boolean rolledBack, HistoryEntry entry, List<String> messages) {
        return new DeployOutcome(status, request.model(), request.environment(), request.strategy().action(), request.strategy().id(),
                target.name(), target.endpoint(), previous, requested, now, result, rolledBack, entry, messages, List.of());
    }
}
