package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The CSV files of a pipeline (paths relative to mlgate.yaml).
 *
 * @param train     training data
 * @param holdout   held-out evaluation data; candidate and champion are scored on the same rows
 * @param reference drift baseline and source of the inferred contract; defaults to train
 * @param current   the data {@code validate} checks; defaults to holdout
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSpec(String train, String holdout, String reference, String current) {

    /** The drift baseline: reference, or train when unset. */
    public String referenceOrTrain() {
        return reference != null ? reference : train;
    }

    /** The data to validate: current, or holdout when unset. */
    public String currentOrHoldout() {
        return current != null ? current : holdout;
    }
}
