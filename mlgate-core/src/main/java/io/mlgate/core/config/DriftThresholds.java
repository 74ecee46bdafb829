package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Drift thresholds of one feature; unset values fall back to {@link DriftSpec}'s.
 *
 * @param ignore true to report this feature's drift without judging it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DriftThresholds(Double psiWarn, Double psiFail, Double jsWarn, Double jsFail, Boolean ignore) {

    public boolean isIgnored() {
        return Boolean.TRUE.equals(ignore);
    }
}
