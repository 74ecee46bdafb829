package io.mlgate.jenkins;

/** The verdict vocabulary of mlgate (GateStatus in mlgate-core), as the CLI prints it. */
public enum Verdict {
    PASSED, WARNING, FAILED, INACTIVE;

    /** Parses the CLI's status; an unknown or missing status never reads as a pass. */
    public static Verdict parse(Object status) {
        if (status == null) {
            return FAILED;
        }
        try {
            return valueOf(String.valueOf(status).trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return FAILED;
        }
    }
}
