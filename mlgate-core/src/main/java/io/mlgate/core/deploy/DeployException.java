package io.mlgate.core.deploy;

/**
 * A deployment could not be done. {@link #isUsage()} tells a request that cannot make sense
 * (a canary without a stable version, promote without a canary; CLI exit 2) from a target that
 * failed (server unreachable, token refused, rollout stuck; CLI exit 6). The message names the
 * thing and the fix.
 */
public class DeployException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean usage;

    public DeployException(String message) {
        this(message, false, null);
    }

    public DeployException(String message, Throwable cause) {
        this(message, false, cause);
    }

    private DeployException(String message, boolean usage, Throwable cause) {
        super(message, cause);
        this.usage = usage;
    }

    /** A request that cannot be planned: fix the command, not the target. */
    public static DeployException usage(String message) {
        return new DeployException(message, true, null);
    }

    public boolean isUsage() {
        return usage;
    }
}
