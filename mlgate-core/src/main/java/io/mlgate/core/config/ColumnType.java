package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The type of a CSV column in the data contract. */
public enum ColumnType {
    /** Whole numbers. */
    INT,
    /** Real numbers. */
    FLOAT,
    /** A finite set of string values; one-hot encoded for training. */
    CATEGORY,
    /** true/false (also yes/no, 1/0). */
    BOOL,
    /** Free text; validated but not used as a feature. */
    STRING;

    @JsonValue
    public String yamlName() {
        return ConfigEnums.yamlName(this);
    }

    @JsonCreator
    public static ColumnType parse(String value) {
        return ConfigEnums.parse(ColumnType.class, value, "column type");
    }

    public boolean isNumeric() {
        return this == INT || this == FLOAT;
    }
}
