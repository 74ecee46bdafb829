package io.mlgate.core.deploy;

import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.pipeline.StepOutcome;
import io.mlgate.core.registry.HistoryEntry;
import java.util.List;

/**
 * Result of a deploy, promote or rollback (what {@code --json} prints and {@code deploy.json} holds).
 *
 * @param status     PASSED; FAILED when the change failed or was rolled back (CLI exit 6)
 * @param action     deploy, promote or rollback (the ledger action)
 * @param previous   the state before
 * @param requested  the state the strategy asked for
 * @param traffic    the state in force now (the previous one after an automatic rollback)
 * @param smoke      the health and smoke check, null when no change was applied
 * @param rolledBack true when the deployer put the previous state back
 * @param entry      the ledger entry written, null when nothing changed
 */
public record DeployOutcome(GateStatus status, String model, String environment, String action, String strategy, String target,
        String endpoint, TrafficSplit previous, TrafficSplit requested, TrafficSplit traffic, SmokeResult smoke, boolean rolledBack,
        HistoryEntry entry, List<String> messages, List<String> files) implements StepOutcome {

    public DeployOutcome {
        messages = List.copyOf(messages);
        files = List.copyOf(files);
    }

    /** The same outcome with the files it was written to. */
    public DeployOutcome withFiles(List<String> written) {
        return new DeployOutcome(status, model, environment, action, strategy, target, endpoint, previous, requested, traffic, smoke,
                rolledBack, entry, messages, written);
    }
}
