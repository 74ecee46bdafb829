package io.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {
    private static final GlobalDefaults NONE = GlobalDefaults.NONE;

    @Test
    void aStepWithoutParametersRunsItsCommandWithJsonAndNoProgress() {
        assertThat(new EvaluateGateStep().arguments(NONE).toList()).containsExactly("evaluate", "--json", "--no-progress");
    }

    @Test
    void commonParametersBecomeCommonOptions() {
        ValidateDataStep step = new ValidateDataStep();
        step.setConfig("examples/lending-club/mlgate.yaml");
        step.setModel("credit-risk");
        step.setRegistry("file:/srv/registry");
        step.setOutput("build/out");
        step.setSet(List.of("contract.drift.psi_fail=5", "gates.0.threshold=0.8"));
        step.setData("data/batch.csv");
        step.setReference("data/train.csv");

        assertThat(step.arguments(NONE).toList()).containsExactly("validate", "--json", "--no-progress",
                "--config", "examples/lending-club/mlgate.yaml", "--model", "credit-risk", "--registry", "file:/srv/registry",
                "--output", "build/out", "--set", "contract.drift.psi_fail=5", "--set", "gates.0.threshold=0.8",
                "--data", "data/batch.csv", "--reference", "data/train.csv");
    }

    @Test
    void blankParametersAreLeftToMlgateYaml() {
        TrainModelStep step = new TrainModelStep();
        step.setConfig("  ");
        step.setTrainer("");
        assertThat(step.arguments(NONE).toList()).containsExactly("train", "--json", "--no-progress");
    }

    @Test
    void trainParametersMapToTrainOptions() {
        TrainModelStep step = new TrainModelStep();
        step.setModelDir("build/model");
        step.setTrainer("logistic");
        step.setSeed("7");
        step.setTrain("data/train.csv");
        assertThat(step.arguments(NONE).toList()).containsSubsequence("--model-dir", "build/model", "--trainer", "logistic",
                "--seed", "7", "--train", "data/train.csv");
    }

    @Test
    void registerTagsBecomeRepeatedTagOptions() {
        RegisterModelStep step = new RegisterModelStep();
        step.setTags(List.of("ticket=ML-42", "team=risk"));
        step.setDescription("weekly retrain");
        assertThat(step.arguments(NONE).toList()).containsSubsequence("--description", "weekly retrain",
                "--tag", "ticket=ML-42", "--tag", "team=risk");
    }

    @Test
    void theGlobalRegistryIsTheDefaultAndAStepRegistryWins() {
        GlobalDefaults defaults = new GlobalDefaults("file:/global", null, List.of("production"), null, null);
        assertThat(new EvaluateGateStep().arguments(defaults).toList()).containsSubsequence("--registry", "file:/global");

        EvaluateGateStep own = new EvaluateGateStep();
        own.setRegistry("file:/mine");
        assertThat(own.arguments(defaults).toList()).contains("file:/mine").doesNotContain("file:/global");
    }

    @Test
    void deployMapsToTheDocumentedDeployFlags() {
        DeployModelStep step = new DeployModelStep();
        step.setEnvironment("staging");
        step.setStrategy("canary");
        step.setPercent(10);
        step.setVersion("3");
        step.setReason("CAB-1234");
        assertThat(step.arguments(NONE).toList()).containsExactly("deploy", "--json", "--no-progress",
                "--environment", "staging", "--strategy", "canary", "--percent", "10", "--version", "3", "--reason", "CAB-1234");
    }

    @Test
    void theGlobalDeployTargetIsPassedAsAnOverride() {
        GlobalDefaults defaults = new GlobalDefaults(null, "kubernetes", List.of("production"), null, null);
        assertThat(new DeployModelStep().arguments(defaults).toList()).containsSubsequence("--set", "deploy.target=kubernetes");
    }

    @Test
    void rollbackNeedsAReason() {
        RollbackModelStep step = new RollbackModelStep();
        step.setEnvironment("production");
        assertThatThrownBy(() -> step.arguments(NONE)).hasMessageContaining("reason is required");

        step.setReason("error rate above SLO");
        assertThat(step.arguments(NONE).toList()).containsExactly("rollback", "--json", "--no-progress",
                "--environment", "production", "--reason", "error rate above SLO");
    }

    @Test
    void anOverrideWithoutEqualsIsNamedInTheError() {
        EvaluateGateStep step = new EvaluateGateStep();
        step.setSet(List.of("gates.0.threshold"));
        assertThatThrownBy(() -> step.arguments(NONE)).hasMessageContaining("set: 'gates.0.threshold' is not KEY=VALUE");
    }

    @Test
    void aWrongStrategyOrOnFailureIsRejectedBeforeAnythingRuns() {
        DeployModelStep deploy = new DeployModelStep();
        deploy.setStrategy("blue-green");
        assertThatThrownBy(() -> deploy.arguments(NONE)).hasMessageContaining("strategy 'blue-green' is not one of replace, canary, shadow");

        EvaluateGateStep gate = new EvaluateGateStep();
        gate.setOnFailure("explode");
        assertThatThrownBy(() -> gate.arguments(NONE)).hasMessageContaining("onFailure: 'explode' is not one of FAILURE, UNSTABLE, ERROR");
    }

    @Test
    void anApprovedDeployCarriesTheApproverAsActorAndTheirReason() {
        DeployModelStep step = new DeployModelStep();
        step.setEnvironment("production");
        CliArguments approved = step.arguments(NONE).copy().option("--actor", "alice").replace("--reason", "approved by alice: CAB-9");
        assertThat(approved.toList()).containsSubsequence("--reason", "approved by alice: CAB-9", "--actor", "alice")
                .doesNotContain("deployed by Jenkins");
    }
}
