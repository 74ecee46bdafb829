package io.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlgate.jenkins.VerdictMapping.BuildResult;
import io.mlgate.jenkins.VerdictMapping.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** monitorModel: parameters become `mlgate monitor` options; "retrain" is an answer, not a failure. */
class MonitorModelStepTest {
    private static final GlobalDefaults NONE = GlobalDefaults.NONE;

    static final String RETRAIN = """
            {
              "status" : "FAILED", "model" : "credit-risk", "environment" : "production", "version" : "3",
              "version_source" : "deploy ledger", "retrain" : true,
              "reason" : "drift on int_rate, annual_inc; prediction shift (PSI 0.2731)",
              "triggers" : [ "drift", "prediction-shift" ],
              "results" : [ { "trigger" : "drift", "status" : "FAILED", "message" : "[retrain - drift]: FAILED - drift on int_rate" } ],
              "signals" : null, "live_metrics" : { "auc" : 0.61, "recall" : 0.4 },
              "labelled_rows" : 800, "joined" : 800, "unmatched" : 0,
              "messages" : [ "[retrain - drift]: FAILED - drift on int_rate (PSI 2.4959 >= 0.25)",
                             "[retrain]: FAILED - retrain: drift on int_rate, annual_inc; prediction shift (PSI 0.2731)" ],
              "files" : [ "/ws/.mlgate/out/monitor.json" ]
            }
            """;

    static final String NO_RETRAIN = """
            {"status":"PASSED","model":"credit-risk","version":"3","retrain":false,"reason":"","triggers":[],
             "live_metrics":{},"messages":["[retrain]: PASSED - no retrain: drift PASSED, prediction shift PASSED"]}
            """;

    @Test
    void aMonitorWithoutParametersRunsMonitorWithJsonAndNoProgress() {
        assertThat(new MonitorModelStep().arguments(NONE).toList()).containsExactly("monitor", "--json", "--no-progress");
    }

    @Test
    void serverOutcomesAndLogMapToTheMonitorOptions() {
        MonitorModelStep step = new MonitorModelStep();
        step.setConfig("examples/lending-club/mlgate.yaml");
        step.setServer("http://mlgate-serve:8080");
        step.setOutcomes("outcomes.csv");
        step.setPredictionLog("/var/log/mlgate");
        step.setVersion("3");

        assertThat(step.arguments(NONE).toList()).containsExactly("monitor", "--json", "--no-progress",
                "--config", "examples/lending-club/mlgate.yaml", "--server", "http://mlgate-serve:8080",
                "--outcomes", "outcomes.csv", "--prediction-log", "/var/log/mlgate", "--version", "3");
    }

    @Test
    void prometheusTakesItsQueryWindow() {
        MonitorModelStep step = new MonitorModelStep();
        step.setPrometheus("http://prometheus:9090");
        step.setQueryWindow("6h");

        assertThat(step.arguments(NONE).toList()).containsSubsequence("--prometheus", "http://prometheus:9090", "--query-window", "6h");
    }

    @Test
    void forceAndNoRecordAreFlags() {
        MonitorModelStep step = new MonitorModelStep();
        step.setForce(true);
        step.setRecord(false);

        assertThat(step.arguments(NONE).toList()).endsWith("--force", "--no-record");
    }

    @Test
    void recordingIsTheDefaultAndForceIsOff() {
        MonitorModelStep step = new MonitorModelStep();
        step.setRecord(true);
        step.setForce(false);

        assertThat(step.arguments(NONE).toList()).doesNotContain("--force", "--no-record");
    }

    @Test
    void serverAndPrometheusTogetherAreRejectedBeforeAnythingRuns() {
        MonitorModelStep step = new MonitorModelStep();
        step.setServer("http://mlgate-serve:8080");
        step.setPrometheus("http://prometheus:9090");

        assertThatThrownBy(() -> step.arguments(NONE)).hasMessageContaining("give either server: (the model server's URL) or prometheus:");
    }

    @Test
    void aQueryWindowWithoutPrometheusIsRejected() {
        MonitorModelStep step = new MonitorModelStep();
        step.setServer("http://mlgate-serve:8080");
        step.setQueryWindow("1h");

        assertThatThrownBy(() -> step.arguments(NONE)).hasMessageContaining("queryWindow: '1h' needs prometheus:");
    }

    @Test
    void theGlobalRegistryIsTheDefault() {
        GlobalDefaults defaults = new GlobalDefaults("file:/global", null, List.of("production"), null, null);
        assertThat(new MonitorModelStep().arguments(defaults).toList()).containsSubsequence("--registry", "file:/global");
    }

    @Test
    void retrainLeavesTheBuildAlone() {
        Outcome o = VerdictMapping.mapMonitor(7, Verdict.FAILED, OnFailure.FAILURE, "monitorModel");

        assertThat(o.result()).isNull();
        assertThat(o.stageWarning()).isFalse();
        assertThat(o.abort()).isFalse();
        assertThat(o.explanation()).startsWith("monitorModel: RETRAIN - a retraining trigger fired");
    }

    @Test
    void retrainDoesNotStopThePipelineEvenWithOnFailureError() {
        Outcome o = VerdictMapping.mapMonitor(7, Verdict.FAILED, OnFailure.ERROR, "monitorModel");

        assertThat(o.abort()).isFalse();
        assertThat(o.result()).isNull();
    }

    @Test
    void noRetrainLeavesTheBuildAlone() {
        assertThat(VerdictMapping.mapMonitor(0, Verdict.PASSED, OnFailure.FAILURE, "monitorModel"))
                .isEqualTo(new Outcome(null, false, false, "monitorModel: PASSED - no retrain"));
        assertThat(VerdictMapping.mapMonitor(0, Verdict.INACTIVE, OnFailure.FAILURE, "monitorModel").explanation())
                .startsWith("monitorModel: INACTIVE - no retrain; no trigger had enough evidence");
    }

    @Test
    void unreadableSignalsMarkTheBuildUnstableWithAWarning() {
        Outcome o = VerdictMapping.mapMonitor(4, Verdict.WARNING, OnFailure.FAILURE, "monitorModel");

        assertThat(o.result()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(o.stageWarning()).isTrue();
        assertThat(o.abort()).isFalse();
        assertThat(o.explanation()).isEqualTo("monitorModel: WARNING - the serving signals could not be read "
                + "(the monitor is blind); build marked UNSTABLE");
    }

    @Test
    void otherExitCodesAreFailuresLikeInTheOtherSteps() {
        assertThat(VerdictMapping.mapMonitor(5, Verdict.FAILED, OnFailure.FAILURE, "monitorModel").result()).isEqualTo(BuildResult.FAILURE);
        assertThat(VerdictMapping.mapMonitor(5, Verdict.FAILED, OnFailure.UNSTABLE, "monitorModel").result()).isEqualTo(BuildResult.UNSTABLE);
        assertThat(VerdictMapping.mapMonitor(5, Verdict.FAILED, OnFailure.ERROR, "monitorModel").abort()).isTrue();
    }

    @Test
    void exitSevenIsDocumentedAndNotAnInternalError() {
        assertThat(VerdictMapping.isError(7)).isFalse();
        assertThat(VerdictMapping.isError(8)).isTrue();
    }

    @Test
    void aRetrainAnswerIsAPlainMapForGroovy() {
        Map<String, Object> r = StepSummary.from("monitor", 7, Json.parseObject(RETRAIN)).toStepResult();

        assertThat(r).containsEntry("retrain", true)
                .containsEntry("reason", "drift on int_rate, annual_inc; prediction shift (PSI 0.2731)")
                .containsEntry("triggers", List.of("drift", "prediction-shift"))
                .containsEntry("status", "FAILED")
                .containsEntry("version", "3")
                .containsEntry("liveMetrics", Map.of("auc", 0.61, "recall", 0.4));
        assertThat((List<?>) r.get("messages")).last()
                .isEqualTo("[retrain]: FAILED - retrain: drift on int_rate, annual_inc; prediction shift (PSI 0.2731)");
    }

    @Test
    void aNoRetrainAnswerHasAnEmptyReasonAndNoTriggers() {
        Map<String, Object> r = StepSummary.from("monitor", 0, Json.parseObject(NO_RETRAIN)).toStepResult();

        assertThat(r).containsEntry("retrain", false).containsEntry("reason", "").containsEntry("triggers", List.of())
                .containsEntry("status", "PASSED");
    }

    @Test
    void withoutJsonTheExitCodeSaysWhetherToRetrain() {
        assertThat(StepSummary.from("monitor", 7, null).toStepResult()).containsEntry("retrain", true);
        assertThat(StepSummary.from("monitor", 4, null).toStepResult()).containsEntry("retrain", false).containsEntry("status", "WARNING");
    }

    @Test
    void otherStepsReturnNoRetrainKeys() {
        Map<String, Object> r = StepSummary.from("evaluate", 0, Json.parseObject("{\"status\":\"PASSED\"}")).toStepResult();

        assertThat(r).doesNotContainKeys("retrain", "reason", "triggers", "liveMetrics");
    }
}
