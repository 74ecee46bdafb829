package io.mlgate.core.deploy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a deployment changes the routing state of a model; see {@link DeployPlanner}. */
public enum Strategy {
    /** Only the new version answers (hot swap). */
    REPLACE,
    /** The new version answers a share of the requests; the current stable answers the rest. */
    CANARY,
    /** The new version receives a copy of every request and never answers. */
    SHADOW,
    /** The canary becomes the only version. */
    PROMOTE,
    /** Back to the state before the last deploy or promote of the ledger. */
    ROLLBACK;

    /** The lower-case name used in mlgate.yaml, the CLI and the ledger. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The ledger action of a change made with this strategy. */
    public String action() {
        return switch (this) {
            case PROMOTE -> "promote";
            case ROLLBACK -> "rollback";
            default -> "deploy";
        };
    }

    /** Parses {@code replace}, {@code canary}, ... (case-insensitive). */
    public static Strategy parse(String text) {
        for (Strategy s : values()) {
            if (s.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return s;
            }
        }
        throw DeployException.usage("unknown deploy strategy '" + text + "'; use one of "
                + Arrays.stream(values()).map(Strategy::id).collect(Collectors.joining(", ")));
    }
}
