package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What champion gates do when there is no champion (the first model). */
public enum NoBaselinePolicy {
    /** The gates are INACTIVE with a note; the verdict comes from the other gates. */
    PASS_WITH_NOTE,
    /** The gates are INACTIVE and the verdict is WARNING: a person must approve. */
    REQUIRE_APPROVAL,
    /** The gates FAIL. */
    FAIL;

    @JsonValue
    public String yamlName() {
        return ConfigEnums.yamlName(this);
    }

    @JsonCreator
    public static NoBaselinePolicy parse(String value) {
        return ConfigEnums.parse(NoBaselinePolicy.class, value, "no_baseline");
    }
}
