package io.mlgate.jenkins;

import java.util.Locale;

/** What a FAILED verdict does to the build: mark it FAILURE (default), only UNSTABLE, or stop the pipeline (ERROR). */
public enum OnFailure {
    FAILURE, UNSTABLE, ERROR;

    /** Parses the step option; blank means the default FAILURE. */
    public static OnFailure parse(String value) {
        if (value == null || value.isBlank()) {
            return FAILURE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("onFailure: '" + value + "' is not one of FAILURE, UNSTABLE, ERROR");
        }
    }
}
