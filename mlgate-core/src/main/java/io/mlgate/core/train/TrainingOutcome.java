package io.mlgate.core.train;

import java.util.List;

/**
 * The result of {@code mlgate train}.
 *
 * @param artifact     the model of the best candidate retrained on all training rows
 * @param candidates   every candidate tried, in the order tried
 * @param best         the winner by the search metric
 * @param dataSha256   sha256 of the training CSV
 * @param configSha256 sha256 of the effective configuration (overrides applied) as YAML
 * @param trainRows    rows the final model was trained on
 * @param seconds      wall time of the whole training
 */
public record TrainingOutcome(ModelArtifact artifact, List<CandidateResult> candidates, CandidateResult best,
                              String dataSha256, String configSha256, long trainRows, double seconds) {
    public TrainingOutcome {
        candidates = List.copyOf(candidates);
    }
}
