package io.mlgate.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepSummaryTest {
    static final String EVALUATION = """
            {
              "status" : "FAILED",
              "model" : "credit-risk",
              "champion_version" : "1",
              "candidate" : { "values" : { "auc" : 0.8012, "f1" : 0.31 }, "rows" : 1000 },
              "champion" : { "values" : { "auc" : 0.8214, "f1" : 0.30 }, "rows" : 1000 },
              "gates" : { "status" : "FAILED", "results" : [ {
                  "name" : "champion - auc", "metric" : "auc", "status" : "FAILED",
                  "candidate" : 0.8012, "champion" : 0.8214, "delta" : -0.0202, "limit" : -0.005,
                  "message" : "[champion - auc]: FAILED - candidate 0.8012, champion 0.8214, delta -0.0202 < -0.005" } ] },
              "messages" : [ "[champion - auc]: FAILED - candidate 0.8012, champion 0.8214, delta -0.0202 < -0.005" ],
              "files" : [ "/ws/.mlgate/out/report.html" ]
            }
            """;

    @Test
    void anEvaluationKeepsTheVerdictMetricsAndGateRows() {
        StepSummary s = StepSummary.from("evaluate", 3, Json.parseObject(EVALUATION));

        assertThat(s.status).isEqualTo("FAILED");
        assertThat(s.metrics).containsEntry("auc", 0.8012);
        assertThat(s.championMetrics).containsEntry("auc", 0.8214);
        assertThat(s.gates).singleElement().satisfies(g -> {
            assertThat(g.name).isEqualTo("champion - auc");
            assertThat(g.delta).isEqualTo(-0.0202);
            assertThat(g.limit).isEqualTo(-0.005);
        });
        assertThat(s.messages).containsExactly("[champion - auc]: FAILED - candidate 0.8012, champion 0.8214, delta -0.0202 < -0.005");
    }

    @Test
    void theStepResultIsPlainMapsForGroovy() {
        Map<String, Object> r = StepSummary.from("evaluate", 3, Json.parseObject(EVALUATION)).toStepResult();

        assertThat(r.get("status")).isEqualTo("FAILED");
        assertThat(r.get("metrics")).isEqualTo(Map.of("auc", 0.8012, "f1", 0.31));
        assertThat((List<?>) r.get("gates")).singleElement().isInstanceOf(Map.class);
        assertThat(r.get("championVersion")).isEqualTo("1");
    }

    @Test
    void validationChecksAndDriftBecomeTableRows() {
        String json = """
                {"status":"WARNING","report":{"checks":[{"check":"range","column":"int_rate","status":"WARNING","violations":3,
                 "message":"[validate - range - int_rate]: WARNING - 3 values outside"}],
                 "drift":[{"feature":"int_rate","psi":0.13,"js":0.05,"status":"WARNING","message":"[drift - int_rate]: WARNING - PSI 0.1300 >= 0.1"}]}}
                """;
        StepSummary s = StepSummary.from("validate", 4, Json.parseObject(json));

        assertThat(s.checks).singleElement().satisfies(c -> assertThat(c.name).isEqualTo("range - int_rate"));
        assertThat(s.drift).singleElement().satisfies(d -> {
            assertThat(d.name).isEqualTo("int_rate");
            assertThat(d.candidate).isEqualTo(0.13);
        });
    }

    static final String TRAINING = """
            {"status":"PASSED","model":"credit-risk","importance":[
              {"feature":"int_rate","importance":0.41,"method":"gain","score":666.3,"features":[{"feature":"int_rate","importance":0.41}]},
              {"feature":"sub_grade","importance":0.2,"method":"gain","score":320.1,"features":[]},
              {"feature":"c3","importance":0.1,"method":"gain"},{"feature":"c4","importance":0.09,"method":"gain"},
              {"feature":"c5","importance":0.05,"method":"gain"},{"feature":"c6","importance":0.04,"method":"gain"},
              {"feature":"c7","importance":0.03,"method":"gain"},{"feature":"c8","importance":0.03,"method":"gain"},
              {"feature":"c9","importance":0.02,"method":"gain"},{"feature":"c10","importance":0.02,"method":"gain"},
              {"feature":"c11","importance":0.01,"method":"gain"}],
             "importance_note":"gain: XGBoost total gain"}
            """;

    @Test
    void aTrainingKeepsItsTopTenColumnsByImportance() {
        StepSummary s = StepSummary.from("train", 0, Json.parseObject(TRAINING));

        assertThat(s.importance).hasSize(10).first().satisfies(f -> {
            assertThat(f.name).isEqualTo("int_rate");
            assertThat(f.candidate).isEqualTo(0.41);
            assertThat(f.message).isEqualTo("gain");
            assertThat(f.getBar()).isEqualTo(82);
        });
        assertThat(s.importanceRank("sub_grade")).isEqualTo(2);
        assertThat(s.importanceRank("c11")).isZero();
    }

    @Test
    void theStepResultListsTheTopColumnsForGroovy() {
        Map<String, Object> r = StepSummary.from("train", 0, Json.parseObject(TRAINING)).toStepResult();

        assertThat((List<?>) r.get("importance")).hasSize(10).first()
                .isEqualTo(Map.of("feature", "int_rate", "importance", 0.41, "method", "gain"));
    }

    @Test
    void aSummarySavedBeforeImportanceExistedHasNone() {
        StepSummary old = StepSummary.from("validate", 0, Json.parseObject("{\"status\":\"PASSED\"}"));
        old.importance = null; // as XStream leaves a field missing from an older build.xml

        assertThat(old.getImportance()).isEmpty();
        assertThat(old.toStepResult().get("importance")).isEqualTo(List.of());
    }

    @Test
    void withoutJsonTheExitCodeDecides() {
        assertThat(StepSummary.from("deploy", 6, null).status).isEqualTo("FAILED");
        assertThat(StepSummary.from("validate", 4, Json.parseObject("not json")).status).isEqualTo("WARNING");
    }

    @Test
    void humanLinesBeforeTheJsonAreIgnored() {
        assertThat(Json.parseObject("note\n{\"status\":\"PASSED\"}")).containsEntry("status", "PASSED");
    }
}
