package io.mlgate.core.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The pipeline contract, {@code mlgate.yaml}. Every face reads it and lets a user override any
 * field. Paths inside are relative to the directory of the file (see {@link LoadedConfig}).
 *
 * @param model       registry name, {@code [a-z0-9][a-z0-9._-]{0,63}}
 * @param task        classification (default) or regression
 * @param label       the target column
 * @param positive    the positive class for binary metrics (classification only)
 * @param data        where the CSV files are
 * @param contract    the data contract; inferred from the reference and saved when absent
 * @param train       how to train
 * @param gates       quality gates on the holdout metrics
 * @param noBaseline  what champion gates do when there is no champion
 * @param registry    registry URI, default {@code file:.mlgate/registry}
 * @param promote     which alias a passing candidate moves to
 * @param deploy      deployment settings (used by the deploy face)
 * @param output      where reports are written, default {@code .mlgate/out}
 * @param retrain     when {@code mlgate monitor} asks for a retrain (defaults: drift and prediction shift)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineConfig(
        String model,
        Task task,
        String label,
        String positive,
        DataSpec data,
        ContractSpec contract,
        TrainSpec train,
        List<GateSpec> gates,
        NoBaselinePolicy noBaseline,
        String registry,
        PromoteSpec promote,
        DeploySpec deploy,
        String output,
        RetrainSpec retrain) {

    /** Model names the registry accepts. */
    public static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public PipelineConfig {
        task = task == null ? Task.CLASSIFICATION : task;
        data = data == null ? new DataSpec(null, null, null, null) : data;
        contract = contract == null ? ContractSpec.empty() : contract;
        train = train == null ? TrainSpec.defaults() : train;
        gates = gates == null ? List.of() : List.copyOf(gates);
        noBaseline = noBaseline == null ? NoBaselinePolicy.PASS_WITH_NOTE : noBaseline;
        registry = registry == null ? "file:.mlgate/registry" : registry;
        promote = promote == null ? PromoteSpec.defaults() : promote;
        deploy = deploy == null ? DeploySpec.defaults() : deploy;
        output = output == null ? ".mlgate/out" : output;
        retrain = retrain == null ? RetrainSpec.defaults() : retrain;
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isClassification() {
        return task == Task.CLASSIFICATION;
    }
}
