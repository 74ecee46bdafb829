package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the model predicts. */
public enum Task {
    CLASSIFICATION,
    REGRESSION;

    @JsonValue
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Task parse(String value) {
        return ConfigEnums.parse(Task.class, value, "task");
    }
}
