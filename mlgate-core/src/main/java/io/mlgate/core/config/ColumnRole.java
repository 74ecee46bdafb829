package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a column is used. */
public enum ColumnRole {
    FEATURE,
    LABEL,
    ID,
    IGNORE;

    @JsonValue
    public String yamlName() {
        return ConfigEnums.yamlName(this);
    }

    @JsonCreator
    public static ColumnRole parse(String value) {
        return ConfigEnums.parse(ColumnRole.class, value, "column role");
    }
}
