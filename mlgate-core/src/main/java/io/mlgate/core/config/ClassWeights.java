package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Class weighting for imbalanced classification. */
public enum ClassWeights {
    NONE,
    /** Weight each class by n / (k * count), as sklearn's class_weight='balanced'. */
    BALANCED;

    @JsonValue
    public String yamlName() {
        return ConfigEnums.yamlName(this);
    }

    @JsonCreator
    public static ClassWeights parse(String value) {
        return ConfigEnums.parse(ClassWeights.class, value, "class_weights");
    }
}
