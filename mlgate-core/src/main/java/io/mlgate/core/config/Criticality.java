package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a violated gate does to the verdict. */
public enum Criticality {
    /** Reported only; the gate stays PASSED. */
    NOTE,
    /** The gate is WARNING. */
    WARNING,
    /** The gate is FAILED. */
    FAILURE;

    @JsonValue
    public String yamlName() {
        return ConfigEnums.yamlName(this);
    }

    @JsonCreator
    public static Criticality parse(String value) {
        return ConfigEnums.parse(Criticality.class, value, "criticality");
    }
}
