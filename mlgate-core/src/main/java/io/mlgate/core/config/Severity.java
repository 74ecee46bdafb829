package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a finding does to the verdict. */
public enum Severity {
    FAIL,
    WARN,
    IGNORE;

    @JsonValue
    public String yamlName() {
        return ConfigEnums.yamlName(this);
    }

    @JsonCreator
    public static Severity parse(String value) {
        return ConfigEnums.parse(Severity.class, value, "severity");
    }
}
