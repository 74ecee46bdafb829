package io.mlgate.core.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What {@code training.json} holds: how the model was picked.
 *
 * @param metric         the search metric
 * @param higherIsBetter its direction
 * @param validation     "split 0.2 stratified" or "5-fold stratified"
 * @param validationRows rows scored per candidate
 * @param positive       positive class (binary classification)
 * @param positiveNote   why that class is positive when it was not configured
 * @param threshold      the decision threshold chosen, null for regression and multiclass
 * @param thresholdRule  "fixed" or "optimize (F1 on validation)"
 * @param candidates     all candidates with their scores and curves
 * @param bestIndex      index of the winner in {@code candidates}
 * @param seconds        wall time of training
 * @param importance     what the model relies on, per contract column (sorted, shares sum to 1);
 *                       null when {@code train.importance: none} or for files written before it
 * @param importanceNote how {@code importance} was measured, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// a model directory must stay loadable by the version that wrote it and by later ones; fields
// added after this one should not make an older reader refuse the whole model
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainingReport(String metric, boolean higherIsBetter, String validation, int validationRows, String positive,
                             String positiveNote, Double threshold, String thresholdRule, List<CandidateResult> candidates,
                             int bestIndex, double seconds, List<FeatureImportance> importance, String importanceNote) {
    public TrainingReport {
        candidates = List.copyOf(candidates);
        importance = importance == null ? null : List.copyOf(importance);
    }

    /** A report without feature importance. */
    public TrainingReport(String metric, boolean higherIsBetter, String validation, int validationRows, String positive,
                          String positiveNote, Double threshold, String thresholdRule, List<CandidateResult> candidates,
                          int bestIndex, double seconds) {
        this(metric, higherIsBetter, validation, validationRows, positive, positiveNote, threshold, thresholdRule, candidates,
                bestIndex, seconds, null, null);
    }
}
