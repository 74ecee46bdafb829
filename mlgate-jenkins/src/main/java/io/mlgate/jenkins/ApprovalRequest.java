package io.mlgate.jenkins;

import java.io.Serializable;

/** One gated deploy waiting for (or given) a decision; persisted in build.xml with {@link ApprovalAction}. */
public final class ApprovalRequest implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where a request stands. */
    public enum State { PENDING, APPROVED, REJECTED, TIMED_OUT, ABORTED }

    public String id;
    public String environment;
    public String approvers;
    public String version;
    public String strategy;
    public long requestedAt;
    /** Epoch millis after which the request is rejected; 0 = no timeout. */
    public long deadline;
    public State state = State.PENDING;
    public String decidedBy;
    public long decidedAt;
    public String reason;

    public String getId() { return id; }
    public String getEnvironment() { return environment; }
    public String getApprovers() { return approvers; }
    public String getVersion() { return version; }
    public String getStrategy() { return strategy; }
    public State getState() { return state; }
    public String getDecidedBy() { return decidedBy; }
    public String getReason() { return reason; }
    public boolean isPending() { return state == State.PENDING; }

    public String getDecidedAtText() {
        return decidedAt == 0 ? "" : java.time.Instant.ofEpochMilli(decidedAt).toString();
    }

    public String getDeadlineText() {
        return deadline == 0 ? "none" : java.time.Instant.ofEpochMilli(deadline).toString();
    }
}
