package io.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.jenkins.VerdictMapping.BuildResult;
import io.mlgate.jenkins.VerdictMapping.Outcome;
import org.junit.jupiter.api.Test;

class VerdictMappingTest {
    @Test
    void passedLeavesTheBuildAlone() {
        Outcome o = VerdictMapping.map(Verdict.PASSED, OnFailure.FAILURE, "evaluateGate");
        assertThat(o.result()).isNull();
        assertThat(o.stageWarning()).isFalse();
        assertThat(o.abort()).isFalse();
    }

    @Test
    void warningMarksTheBuildUnstableAndTheStage() {
        Outcome o = VerdictMapping.map(Verdict.WARNING, OnFailure.FAILURE, "evaluateGate");
        assertThat(o.result()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(o.stageWarning()).isTrue();
        assertThat(o.abort()).isFalse();
    }

    @Test
    void failedIsFailureByDefault() {
        Outcome o = VerdictMapping.map(Verdict.FAILED, OnFailure.parse(null), "evaluateGate");
        assertThat(o.result()).isEqualTo(BuildResult.FAILURE);
        assertThat(o.abort()).isFalse();
        assertThat(o.explanation()).isEqualTo("evaluateGate: FAILED - build marked FAILURE");
    }

    @Test
    void failedCanOnlyMarkTheBuildUnstable() {
        Outcome o = VerdictMapping.map(Verdict.FAILED, OnFailure.parse("unstable"), "validateData");
        assertThat(o.result()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(o.abort()).isFalse();
    }

    @Test
    void failedCanStopThePipeline() {
        Outcome o = VerdictMapping.map(Verdict.FAILED, OnFailure.ERROR, "evaluateGate");
        assertThat(o.abort()).isTrue();
        assertThat(o.explanation()).contains("stopping the pipeline");
    }

    @Test
    void inactiveIsExplainedAndChangesNothing() {
        Outcome o = VerdictMapping.map(Verdict.INACTIVE, OnFailure.FAILURE, "evaluateGate");
        assertThat(o.result()).isNull();
        assertThat(o.explanation()).startsWith("evaluateGate: INACTIVE - no verdict could be made");
    }

    @Test
    void anUnknownStatusNeverReadsAsAPass() {
        assertThat(Verdict.parse("SKIPPED")).isEqualTo(Verdict.FAILED);
        assertThat(Verdict.parse(null)).isEqualTo(Verdict.FAILED);
        assertThat(Verdict.parse("warning")).isEqualTo(Verdict.WARNING);
    }

    @Test
    void exitCodesWithoutJsonFollowTheReadme() {
        assertThat(VerdictMapping.fromExitCode(0)).isEqualTo(Verdict.PASSED);
        assertThat(VerdictMapping.fromExitCode(3)).isEqualTo(Verdict.FAILED);
        assertThat(VerdictMapping.fromExitCode(4)).isEqualTo(Verdict.WARNING);
        assertThat(VerdictMapping.fromExitCode(5)).isEqualTo(Verdict.FAILED);
        assertThat(VerdictMapping.fromExitCode(6)).isEqualTo(Verdict.FAILED);
        assertThat(VerdictMapping.isError(1)).isTrue();
        assertThat(VerdictMapping.isError(2)).isTrue();
        assertThat(VerdictMapping.isError(3)).isFalse();
    }
}
