package io.mlgate.core.deploy;

/**
 * The strategies as pure functions from the current routing state to the next one. No I/O:
 * the {@link Deployer} applies what these return, and a request that makes no sense fails here,
 * before anything is touched, with a {@linkplain DeployException#usage usage error}.
 */
public final class DeployPlanner {
    private DeployPlanner() {
    }

    /**
     * The next state for {@code strategy}.
     *
     * @param version  the version to deploy (replace, canary, shadow); ignored by promote and rollback
     * @param percent  canary share, 1..100 (canary only)
     * @param previous the state to roll back to (rollback only; see {@link DeploymentLedger#rollbackTarget})
     */
    public static TrafficSplit plan(Strategy strategy, TrafficSplit current, String version, int percent, TrafficSplit previous) {
        return switch (strategy) {
            case REPLACE -> replace(current, version);
            case CANARY -> canary(current, version, percent);
            case SHADOW -> shadow(current, version);
            case PROMOTE -> promote(current);
            case ROLLBACK -> rollback(current, previous);
        };
    }

    /** Only {@code version} answers; a canary or shadow in place is dropped. */
    public static TrafficSplit replace(TrafficSplit current, String version) {
        requireVersion(version, "replace");
        return TrafficSplit.only(version);
    }

    /**
     * The current stable keeps answering {@code 100 - percent}% of the requests, {@code version} the
     * rest. With nothing deployed there is nothing to compare a canary with, so the first version
     * takes all traffic and the canary starts with the next one (as Argo Rollouts and Flagger do
     * for an initial deployment); a pipeline can say {@code canary} from its first run on.
     */
    public static TrafficSplit canary(TrafficSplit current, String version, int percent) {
        requireVersion(version, "canary");
        if (percent < 1 || percent > 100) {
            throw DeployException.usage("canary percent must be between 1 and 100, not " + percent + "; e.g. --percent 10");
        }
        if (!current.isDeployed()) {
            return TrafficSplit.only(version);
        }
        if (version.equals(current.stable())) {
            throw DeployException.usage("version " + version + " is already the stable version; a canary must be a different version");
        }
        return new TrafficSplit(current.stable(), version, percent, current.shadow() != null && current.shadow().equals(version) ? null : current.shadow());
    }

    /** The current stable answers; {@code version} gets a copy of every request and never answers. */
    public static TrafficSplit shadow(TrafficSplit current, String version) {
        requireVersion(version, "shadow");
        if (!current.isDeployed()) {
            throw DeployException.usage("a shadow needs a stable version to mirror, and nothing is deployed; "
                    + "deploy a version with --strategy replace first");
        }
        if (version.equals(current.stable())) {
            throw DeployException.usage("version " + version + " is the stable version; a shadow must be a different version");
        }
        return new TrafficSplit(current.stable(), current.canary(), current.canaryPercent(), version);
    }

    /** The canary becomes the only version. */
    public static TrafficSplit promote(TrafficSplit current) {
        if (current.canary() == null) {
            throw DeployException.usage("there is no canary to promote (" + current.describe() + "); "
                    + "start one with --strategy canary --percent 10");
        }
        return TrafficSplit.only(current.canary());
    }

    /** The state recorded before the last change. */
    public static TrafficSplit rollback(TrafficSplit current, TrafficSplit previous) {
        if (previous == null) {
            throw DeployException.usage("nothing to roll back to: the ledger has no earlier state (now " + current.describe() + ")");
        }
        return previous;
    }

    private static void requireVersion(String version, String strategy) {
        if (version == null || version.isBlank()) {
            throw DeployException.usage(strategy + " needs a version to deploy; pass --version V or --alias production");
        }
    }
}
