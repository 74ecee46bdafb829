package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Per-slice gating: the gate is applied to the rows of each value of {@code column}.
 *
 * @param column  a column of the holdout data
 * @param minRows slices with fewer rows are INACTIVE (default 30)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SliceSpec(String column, Integer minRows) {
    public SliceSpec {
        minRows = minRows == null ? 30 : minRows;
    }
}
