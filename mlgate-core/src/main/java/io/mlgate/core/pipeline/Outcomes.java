package io.mlgate.core.pipeline;

import io.mlgate.core.data.ValidationReport;
import io.mlgate.core.evaluate.MetricSet;
import io.mlgate.core.gate.GateReport;
import io.mlgate.core.gate.GateStatus;
import io.mlgate.core.registry.AliasChange;
import io.mlgate.core.registry.ModelVersion;
import io.mlgate.core.train.CandidateResult;
import io.mlgate.core.train.FeatureImportance;
import java.util.List;
import java.util.Map;

/** The JSON-serialisable results of the pipeline steps (what {@code --json} prints). */
public final class Outcomes {
    private Outcomes() {
    }

    /** Result of {@code validate}. */
    public record Validation(
            GateStatus status, String model, String data, String contractSource, String contractFile,
            ValidationReport report, List<String> messages, List<String> files) implements StepOutcome {
    }

    /**
     * Result of {@code train}.
     *
     * @param importance     what the model relies on per contract column (shares sum to 1, largest
     *                       first), or null when not computed
     * @param importanceNote how it was measured
     */
    public record Training(
            GateStatus status, String model, String modelDir, String trainer, Map<String, Object> params,
            String selectionMetric, double validationScore, Double threshold, List<CandidateResult> candidates,
            String dataSha256, String configSha256, long trainRows, double seconds,
            List<String> messages, List<String> files, List<FeatureImportance> importance, String importanceNote) implements StepOutcome {

        /** A result without feature importance. */
        public Training(GateStatus status, String model, String modelDir, String trainer, Map<String, Object> params,
                        String selectionMetric, double validationScore, Double threshold, List<CandidateResult> candidates,
                        String dataSha256, String configSha256, long trainRows, double seconds,
                        List<String> messages, List<String> files) {
            this(status, model, modelDir, trainer, params, selectionMetric, validationScore, threshold, candidates, dataSha256,
                    configSha256, trainRows, seconds, messages, files, null, null);
        }
    }

    /** Result of {@code evaluate}: candidate vs champion on the same holdout rows, and the gates. */
    public record Evaluation(
            GateStatus status, String model, String modelDir, String modelSha256, String holdout, String championVersion,
            MetricSet candidate, MetricSet champion, GateReport gates,
            List<String> messages, List<String> files) implements StepOutcome {

        /** Candidate metric values by name. */
        public Map<String, Double> metrics() {
            return candidate.values();
        }
    }

    /** Result of {@code register}. */
    public record Registration(
            GateStatus status, String model, String version, String registry, ModelVersion details,
            List<String> messages, List<String> files) implements StepOutcome {
    }

    /** Result of {@code promote}. */
    public record Promotion(
            GateStatus status, String model, String alias, String version, String previousVersion, boolean changed,
            String reason, AliasChange change, List<String> messages, List<String> files) implements StepOutcome {
    }

    /**
     * Result of {@code run}: each step that ran (null for those that did not) and the verdict
     * of the step that decided the run.
     *
     * @param stoppedAt the step that stopped the run, or null when it ran to the end
     */
    public record Run(
            GateStatus status, String model, String stoppedAt, Validation validation, Training training,
            Evaluation evaluation, Registration registration, Promotion promotion,
            List<String> messages, List<String> files) implements StepOutcome {
    }
}
