package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a gate compares against. */
public enum Baseline {
    /** A fixed threshold. */
    ABSOLUTE,
    /** The model behind the registry's production alias, scored on the same rows. */
    CHAMPION;

    @JsonValue
    public String yamlName() {
        return ConfigEnums.yamlName(this);
    }

    @JsonCreator
    public static Baseline parse(String value) {
        return ConfigEnums.parse(Baseline.class, value, "baseline");
    }
}
