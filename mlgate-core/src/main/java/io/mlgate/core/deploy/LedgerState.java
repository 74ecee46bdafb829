package io.mlgate.core.deploy;

import io.mlgate.core.registry.HistoryEntry;

/**
 * One state of the deployment ledger: the routing state of a model in an environment, and the
 * history entry (who, when, why, target, strategy) that put it there.
 */
public record LedgerState(TrafficSplit traffic, HistoryEntry entry) {

    /** One line for a console: {@code stable 3, canary 4 at 10% (deploy by alice at 2026-12-05T09:12:00Z: CAB-1234)}. */
    public String describe() {
        return traffic.describe() + " (" + entry.action() + " by " + entry.actor() + " at " + entry.at()
                + (entry.details().containsKey(DeploymentLedger.TARGET) ? " on " + entry.details().get(DeploymentLedger.TARGET) : "")
                + (entry.reason() == null ? "" : ": " + entry.reason()) + ")";
    }
}
