package io.mlgate.core.gate;

import static io.mlgate.core.gate.Fixtures.absolute;
import static io.mlgate.core.gate.Fixtures.maxDelta;
import static io.mlgate.core.gate.Fixtures.minDelta;
import static io.mlgate.core.gate.Fixtures.withAuc;
import static io.mlgate.core.gate.Fixtures.withError;
import static io.mlgate.core.gate.Fixtures.withF1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mlgate.core.config.Criticality;
import io.mlgate.core.config.GateSpec;
import io.mlgate.core.config.NoBaselinePolicy;
import io.mlgate.core.evaluate.Predictions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GateEvaluatorTest {

    private static GateReport evaluate(List<GateSpec> gates, Predictions candidate, Predictions champion) {
        return GateEvaluator.evaluate(gates, NoBaselinePolicy.PASS_WITH_NOTE, candidate, champion, champion == null ? null : "3", null);
    }

    private static GateResult only(GateSpec gate, Predictions candidate, Predictions champion) {
        return evaluate(List.of(gate), candidate, champion).results().get(0);
    }

    // ---- direction ----

    @Test
    void lowerIsBetterMetricFailsWhenTheCandidateIsWorseByMoreThanMaxDelta() {
        GateResult result = only(maxDelta("rmse", 500), withError(31000), withError(30000));

        assertThat(result.status()).isEqualTo(GateStatus.FAILED);
        assertThat(result.message()).isEqualTo("[champion - rmse]: FAILED - candidate 31000.0000, champion 30000.0000, delta +1000.0000 > 500");
    }

    @Test
    void lowerIsBetterMetricPassesWhenTheCandidateIsBetter() {
        GateResult result = only(maxDelta("rmse", 0), withError(29000), withError(30000));

        assertThat(result.status()).isEqualTo(GateStatus.PASSED);
        assertThat(result.message()).endsWith("delta -1000.0000 <= 0");
    }

    @Test
    void resultCarriesTheNumbers() {
        GateResult result = only(minDelta("auc", -0.005), withAuc(8012), withAuc(8214));

        assertThat(result.candidate()).isCloseTo(0.8012, within(1e-12));
        assertThat(result.champion()).isCloseTo(0.8214, within(1e-12));
        assertThat(result.delta()).isCloseTo(-0.0202, within(1e-12));
        assertThat(result.relativeDelta()).isCloseTo(-0.0202 / 0.8214, within(1e-12));
        assertThat(result.limit()).isEqualTo(-0.005);
        assertThat(result.interval()).isNull();
        assertThat(result.label()).isEqualTo("[champion - auc]");
    }

    @Test
    void aDeltaExactlyAtTheFloorPassesDespiteFloatingPointNoise() {
        // 0.8164 - 0.8214 is -0.005000000000000004 in doubles
        assertThat(only(minDelta("auc", -0.005), withAuc(8164), withAuc(8214)).status()).isEqualTo(GateStatus.PASSED);
    }

    // ---- criticality ----

    @Test
    void violatedFailureGateFails() {
        assertThat(only(absolute("auc", 0.9, Criticality.FAILURE), withAuc(8000), null).status()).isEqualTo(GateStatus.FAILED);
    }

    @Test
    void violatedWarningGateWarns() {
        GateResult result = only(absolute("auc", 0.9, Criticality.WARNING), withAuc(8000), null);

        assertThat(result.status()).isEqualTo(GateStatus.WARNING);
        assertThat(result.message()).isEqualTo("[absolute - auc]: WARNING - candidate 0.8000 < 0.9000");
    }

    @Test
    void violatedNoteGatePasses() {
        GateResult result = only(absolute("auc", 0.9, Criticality.NOTE), withAuc(8000), null);

        assertThat(result.status()).isEqualTo(GateStatus.PASSED);
        assertThat(result.message()).startsWith("[absolute - auc]: PASSED (note) - ");
    }

    @Test
    void metNoteGateIsAPlainPass() {
        assertThat(only(absolute("auc", 0.7, Criticality.NOTE), withAuc(8000), null).message())
                .isEqualTo("[absolute - auc]: PASSED - candidate 0.8000 >= 0.7");
    }

    // ---- relative and combined limits ----

    @Test
    void relativeFloorAgainstAChampionOfZeroIsInactiveNeverAPass() {
        GateResult result = only(Fixtures.minRelativeDelta("f1", -0.05, Criticality.FAILURE), withF1(3, 7), withF1(0, 5));

        assertThat(result.status()).isEqualTo(GateStatus.INACTIVE);
        assertThat(result.relativeDelta()).isNull();
        assertThat(result.message()).isEqualTo("[champion - f1]: INACTIVE - candidate 0.3000, champion 0.0000, relative delta not computable (champion is 0)");
    }

    @Test
    void absoluteAndRelativeFloorsMustBothHold() {
        // delta -0.0202 passes -0.05, relative -2.46% fails -1%
        GateResult result = only(Fixtures.bothDeltas("auc", -0.05, -0.01), withAuc(8012), withAuc(8214));

        assertThat(result.status()).isEqualTo(GateStatus.FAILED);
        assertThat(result.message()).isEqualTo(
                "[champion - auc]: FAILED - candidate 0.8012, champion 0.8214, delta -0.0202 >= -0.05, relative delta -2.46% < -1.00%");
    }

    @Test
    void absoluteAndRelativeFloorsBothMetPass() {
        assertThat(only(Fixtures.bothDeltas("auc", -0.05, -0.05), withAuc(8012), withAuc(8214)).status()).isEqualTo(GateStatus.PASSED);
    }

    // ---- no champion ----

    @Test
    void passWithNoteLeavesChampionGatesInactiveAndNotesIt() {
        GateReport report = GateEvaluator.evaluate(List.of(absolute("auc", 0.75), minDelta("auc", -0.005)),
                NoBaselinePolicy.PASS_WITH_NOTE, withAuc(8123), null, null, null);

        assertThat(report.results()).extracting(GateResult::status).containsExactly(GateStatus.PASSED, GateStatus.INACTIVE);
        assertThat(report.status()).isEqualTo(GateStatus.PASSED);
        assertThat(report.notes()).containsExactly("no champion (production alias unset): 1 champion gate inactive; no_baseline=pass_with_note");
        assertThat(report.champion()).isNull();
    }

    @Test
    void requireApprovalRaisesTheVerdictToWarning() {
        GateReport report = GateEvaluator.evaluate(List.of(absolute("auc", 0.75), minDelta("auc", -0.005)),
                NoBaselinePolicy.REQUIRE_APPROVAL, withAuc(8123), null, null, null);

        assertThat(report.results()).extracting(GateResult::status).containsExactly(GateStatus.PASSED, GateStatus.INACTIVE);
        assertThat(report.messages().get(1)).isEqualTo("[champion - auc]: INACTIVE - no champion (production alias unset); no_baseline=require_approval");
        assertThat(report.status()).isEqualTo(GateStatus.WARNING);
        assertThat(report.notes()).contains("approval required: no champion");
    }

    @Test
    void requireApprovalDoesNotHideAFailure() {
        GateReport report = GateEvaluator.evaluate(List.of(absolute("auc", 0.9), minDelta("auc", -0.005)),
                NoBaselinePolicy.REQUIRE_APPROVAL, withAuc(8123), null, null, null);

        assertThat(report.status()).isEqualTo(GateStatus.FAILED);
    }

    @Test
    void failPolicyFailsChampionGates() {
        GateReport report = GateEvaluator.evaluate(List.of(minDelta("auc", -0.005)), NoBaselinePolicy.FAIL, withAuc(8123), null, null, null);

        assertThat(report.status()).isEqualTo(GateStatus.FAILED);
        assertThat(report.messages()).containsExactly("[champion - auc]: FAILED - no champion (production alias unset); no_baseline=fail");
        assertThat(report.notes()).containsExactly("no champion (production alias unset): 1 champion gate failed; no_baseline=fail");
    }

    @Test
    void withoutChampionGatesNoBaselinePolicyChangesNothing() {
        GateReport report = GateEvaluator.evaluate(List.of(absolute("auc", 0.75)), NoBaselinePolicy.FAIL, withAuc(8123), null, null, null);

        assertThat(report.status()).isEqualTo(GateStatus.PASSED);
        assertThat(report.notes()).isEmpty();
    }

    @Test
    void aChampionIsEvaluatedAndNoted() {
        GateReport report = evaluate(List.of(minDelta("auc", -0.005)), withAuc(8301), withAuc(8214));

        assertThat(report.champion().get("auc")).isCloseTo(0.8214, within(1e-12));
        assertThat(report.notes()).containsExactly("champion version 3 evaluated on the same 200 rows");
    }

    // ---- missing metrics ----

    @Test
    void aMissingMetricFailsWhateverItsCriticality() {
        Predictions noScores = withF1(3, 7);

        GateResult result = only(absolute("auc", 0.7, Criticality.NOTE), noScores, null);

        assertThat(result.status()).isEqualTo(GateStatus.FAILED);
        assertThat(result.message()).isEqualTo("[absolute - auc]: FAILED - metric 'auc' is missing from the evaluation");
    }

    @Test
    void anUnknownMetricFailsNamingIt() {
        assertThat(only(absolute("gini", 0.5), withAuc(8000), null).message())
                .isEqualTo("[absolute - gini]: FAILED - metric 'gini' is missing from the evaluation");
    }

    @Test
    void aMetricMissingFromTheChampionFails() {
        Predictions championWithoutScores = Predictions.classification("bad", 0.5, withAuc(8000).actual(), withAuc(8000).predicted(), null);

        assertThat(only(minDelta("auc", -0.005), withAuc(8000), championWithoutScores).message())
                .isEqualTo("[champion - auc]: FAILED - metric 'auc' is missing from the champion's evaluation");
    }

    // ---- overall verdict ----

    @Test
    void overallIsTheWorstResult() {
        GateReport report = evaluate(List.of(
                absolute("auc", 0.7),
                absolute("auc", 0.9, Criticality.WARNING),
                minDelta("auc", -0.005)), withAuc(8000), null);

        assertThat(report.results()).extracting(GateResult::status)
                .containsExactly(GateStatus.PASSED, GateStatus.WARNING, GateStatus.INACTIVE);
        assertThat(report.status()).isEqualTo(GateStatus.WARNING);
    }

    @Test
    void allInactiveIsInactive() {
        assertThat(evaluate(List.of(minDelta("auc", -0.005), minDelta("f1", 0)), withAuc(8000), null).status())
                .isEqualTo(GateStatus.INACTIVE);
    }

    @Test
    void noGatesIsInactiveWithANote() {
        GateReport report = evaluate(List.of(), withAuc(8000), null);

        assertThat(report.status()).isEqualTo(GateStatus.INACTIVE);
        assertThat(report.results()).isEmpty();
        assertThat(report.notes()).containsExactly("no gates configured");
        assertThat(report.candidate().get("auc")).isEqualTo(0.8);
    }

    // ---- inputs that cannot be compared ----

    @Test
    void aChampionScoredOnOtherRowsIsRejected() {
        Predictions fewer = Fixtures.withF1(3, 7);

        assertThatThrownBy(() -> evaluate(List.of(minDelta("f1", 0)), withAuc(8000), fewer))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same holdout rows");
    }

    @Test
    void aSliceColumnOfTheWrongLengthIsRejected() {
        assertThatThrownBy(() -> GateEvaluator.evaluate(List.of(), null, withAuc(8000), null, null, Map.of("term", new String[] {"a"})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slice column 'term' has 1 values but the holdout has 200 rows");
    }
}
