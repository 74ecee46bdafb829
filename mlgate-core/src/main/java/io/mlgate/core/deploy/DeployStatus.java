package io.mlgate.core.deploy;

import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.pipeline.StepOutcome;
import java.util.List;

/**
 * What {@code mlgate status} reports: the routing state on the target, its health, and the
 * ledger's latest entry for the environment.
 *
 * @param status  PASSED when healthy and in agreement with the ledger; WARNING when the target serves
 *                something the ledger does not say (changed outside mlgate); FAILED when unhealthy or unreachable
 * @param traffic the state on the target, null when it could not be read
 * @param health  null when the target could not be reached
 * @param ledger  the latest ledger state of the environment, null when there is none
 */
public record DeployStatus(GateStatus status, String model, String environment, String target, String endpoint, TrafficSplit traffic,
        Health health, LedgerState ledger, List<String> messages, List<String> files) implements StepOutcome {
    public DeployStatus {
        messages = List.copyOf(messages);
        files = List.copyOf(files);
    }
}
