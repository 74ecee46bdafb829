package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How hyper-parameter combinations are chosen. */
public enum SearchMethod {
    GRID,
    RANDOM;

    @JsonValue
    public String yamlName() {
        return ConfigEnums.yamlName(this);
    }

    @JsonCreator
    public static SearchMethod parse(String value) {
        return ConfigEnums.parse(SearchMethod.class, value, "search method");
    }
}
