package io.mlgate.core.gate;

import java.util.Collection;

/**
 * The one verdict vocabulary of mlgate. Every face maps it exactly once: Jenkins to a build
 * result, the CLI to an exit code, GitLab to a job status.
 */
public enum GateStatus {
    /** Nothing could be evaluated (no baseline, too little data); never read as a pass. */
    INACTIVE,
    /** Evaluated and acceptable. */
    PASSED,
    /** Evaluated and worse than a warning threshold. */
    WARNING,
    /** Evaluated and not acceptable. */
    FAILED;

    /** Worst-of fold: FAILED over WARNING over PASSED over INACTIVE. */
    public GateStatus worst(GateStatus other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }

    /** Worst status of all given, INACTIVE when there are none. */
    public static GateStatus worstOf(Collection<GateStatus> statuses) {
        GateStatus result = INACTIVE;
        for (GateStatus status : statuses) {
            result = result.worst(status);
        }
        return result;
    }

    /** True when a pipeline may continue (everything but FAILED). */
    public boolean isSuccessful() {
        return this != FAILED;
    }
}
