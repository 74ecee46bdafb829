package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The rules of one column.
 *
 * @param type        value type
 * @param min         smallest allowed value (numeric columns)
 * @param max         largest allowed value (numeric columns)
 * @param nullable    whether empty cells are allowed at all (default false)
 * @param maxNullRate largest allowed share of empty cells when nullable (0..1)
 * @param values      allowed values (category columns)
 * @param impute      how training fills empty cells: mean, median, mode, zero, or a constant
 *                    written as {@code constant:VALUE}; none means rows must not be empty
 * @param role        feature (default), label, id (excluded from training), ignore
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnSpec(
        ColumnType type,
        Double min,
        Double max,
        Boolean nullable,
        Double maxNullRate,
        List<String> values,
        String impute,
        ColumnRole role) {

    public ColumnSpec {
        values = values == null ? null : List.copyOf(values);
    }

    public boolean isNullable() {
        return Boolean.TRUE.equals(nullable);
    }

    public ColumnRole roleOrDefault() {
        return role == null ? ColumnRole.FEATURE : role;
    }
}
