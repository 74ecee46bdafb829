package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code mlgate run} does with a registered candidate.
 *
 * @param to           alias a passing candidate moves to: production (default), staging or none
 * @param allowWarning also promote when the gate verdict is WARNING (default false)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromoteSpec(String to, Boolean allowWarning) {
    public PromoteSpec {
        to = to == null ? "production" : to;
        allowWarning = allowWarning != null && allowWarning;
    }

    public static PromoteSpec defaults() {
        return new PromoteSpec(null, null);
    }
}
