package io.mlgate.cli;

import io.mlgate.core.gate.GateStatus;

/**
 * The documented exit codes of the mlgate CLI, and the one place verdicts map to them.
 * GitLab components rely on these (allow_failure: exit_codes: [4]).
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int GATE_FAILED = 3;
    public static final int GATE_WARNING = 4;
    public static final int INVALID_DATA = 5;
    public static final int DEPLOY_FAILED = 6;
    /** mlgate monitor: a retraining trigger fired (RETRAIN=true). */
    public static final int RETRAIN = 7;

    private ExitCodes() {
    }

    /** Exit code of a gate verdict (evaluate, run): FAILED 3, WARNING 4, otherwise 0. */
    public static int forGate(GateStatus status) {
        return switch (status) {
            case FAILED -> GATE_FAILED;
            case WARNING -> GATE_WARNING;
            case PASSED, INACTIVE -> OK;
        };
    }

    /** Exit code of a deploy, rollback or status verdict: FAILED 6 (failed or rolled back), WARNING 4, otherwise 0. */
    public static int forDeploy(GateStatus status) {
        return switch (status) {
            case FAILED -> DEPLOY_FAILED;
            case WARNING -> GATE_WARNING;
            case PASSED, INACTIVE -> OK;
        };
    }

    /** Exit code of a data-validation verdict: FAILED 5 (invalid data), WARNING 4, otherwise 0. */
    public static int forValidation(GateStatus status) {
        return switch (status) {
            case FAILED -> INVALID_DATA;
            case WARNING -> GATE_WARNING;
            case PASSED, INACTIVE -> OK;
        };
    }

    /**
     * Exit code of a monitor verdict: FAILED 7 (retrain needed), WARNING 4 (no retrain, but the
     * serving signals could not be read), otherwise 0 (no retrain).
     */
    public static int forMonitor(GateStatus status) {
        return switch (status) {
            case FAILED -> RETRAIN;
            case WARNING -> GATE_WARNING;
            case PASSED, INACTIVE -> OK;
        };
    }
}
