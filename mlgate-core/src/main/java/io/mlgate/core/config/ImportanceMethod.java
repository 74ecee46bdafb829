package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How {@code train.importance} measures what the trained model relies on.
 *
 * <ul>
 *   <li>{@code auto} (default): gain for xgboost and random-forest, coefficients for logistic and
 *       linear, permutation for cart.</li>
 *   <li>{@code gain}: XGBoost's total gain per feature (xgboost, random-forest; other trainers fall
 *       back to permutation).</li>
 *   <li>{@code coefficients}: |coefficient| x standard deviation of the input (logistic, linear;
 *       other trainers fall back to permutation).</li>
 *   <li>{@code permutation}: the drop of the search metric on the validation rows when a column's
 *       values are shuffled (any trainer).</li>
 *   <li>{@code none}: not computed.</li>
 * </ul>
 */
public enum ImportanceMethod {
    AUTO,
    GAIN,
    COEFFICIENTS,
    PERMUTATION,
    NONE;

    @JsonValue
    public String yamlName() {
        return ConfigEnums.yamlName(this);
    }

    @JsonCreator
    public static ImportanceMethod parse(String value) {
        return ConfigEnums.parse(ImportanceMethod.class, value, "train.importance");
    }
}
