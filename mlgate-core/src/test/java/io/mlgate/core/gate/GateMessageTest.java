package io.mlgate.core.gate;

import static io.mlgate.core.gate.Fixtures.absolute;
import static io.mlgate.core.gate.Fixtures.minDelta;
import static io.mlgate.core.gate.Fixtures.withAuc;
import static io.mlgate.core.gate.Fixtures.withError;
import static io.mlgate.core.gate.Fixtures.withF1;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.config.Criticality;
import io.mlgate.core.config.GateSpec;
import io.mlgate.core.config.NoBaselinePolicy;
import io.mlgate.core.evaluate.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pinned one-line messages, verbatim: every face shows exactly these. */
class GateMessageTest {

    private static String only(GateSpec gate, Predictions candidate, Predictions champion) {
        GateReport report = GateEvaluator.evaluate(List.of(gate), NoBaselinePolicy.PASS_WITH_NOTE, candidate, champion, null, null);
        assertThat(report.messages()).hasSize(1);
        return report.messages().get(0);
    }

    @Test
    void championDeltaBelowTheFloorFails() {
        assertThat(only(minDelta("auc", -0.005), withAuc(8012), withAuc(8214)))
                .isEqualTo("[champion - auc]: FAILED - candidate 0.8012, champion 0.8214, delta -0.0202 < -0.005");
    }

    @Test
    void championDeltaAboveTheFloorPasses() {
        assertThat(only(minDelta("auc", -0.005), withAuc(8301), withAuc(8214)))
                .isEqualTo("[champion - auc]: PASSED - candidate 0.8301, champion 0.8214, delta +0.0087 >= -0.005");
    }

    @Test
    void absoluteThresholdMetPasses() {
        assertThat(only(absolute("auc", 0.75), withAuc(8123), null))
                .isEqualTo("[absolute - auc]: PASSED - candidate 0.8123 >= 0.75");
    }

    @Test
    void absoluteThresholdOfALowerIsBetterMetricIsAMaximum() {
        assertThat(only(absolute("rmse", 30000), withError(31234.5), null))
                .isEqualTo("[absolute - rmse]: FAILED - candidate 31234.5000 > 30000.0000");
    }

    @Test
    void lowerIsBetterMetricBelowItsMaximumPasses() {
        assertThat(only(absolute("rmse", 30000), withError(29000), null))
                .isEqualTo("[absolute - rmse]: PASSED - candidate 29000.0000 <= 30000");
    }

    @Test
    void championGateWithoutChampionIsInactiveAndSaysWhy() {
        assertThat(only(minDelta("auc", -0.005), withAuc(8123), null))
                .isEqualTo("[champion - auc]: INACTIVE - no champion (production alias unset); no_baseline=pass_with_note");
    }

    @Test
    void missingMetricFailsNamingIt() {
        Predictions multiclass = Predictions.classification(null, Double.NaN, new String[] {"a", "b", "c"}, new String[] {"a", "b", "b"}, null);

        assertThat(only(absolute("auc", 0.75), multiclass, null))
                .isEqualTo("[absolute - auc]: FAILED - metric 'auc' is missing from the evaluation");
    }

    @Test
    void relativeDeltaIsShownInPercent() {
        GateSpec gate = Fixtures.minRelativeDelta("f1", -0.05, Criticality.WARNING);

        // f1: 2*3 / (2*3 + 7 + 7) = 0.30 versus 2*7 / (2*7 + 23 + 3) = 0.35
        assertThat(only(gate, withF1(3, 7), withF1(7, 23)))
                .isEqualTo("[champion - f1]: WARNING - candidate 0.3000, champion 0.3500, relative delta -14.29% < -5.00%");
    }

    @Test
    void violatedNoteGatePassesAndSaysNote() {
        // f1 = 2*2 / (2*2 + 8 + 8) = 0.20
        assertThat(only(absolute("f1", 0.3, Criticality.NOTE), withF1(2, 8), null))
                .isEqualTo("[absolute - f1]: PASSED (note) - candidate 0.2000 < 0.3000");
    }

    @Test
    void aNamedGateUsesItsName() {
        GateSpec named = new GateSpec("auc", null, 0.75, null, null, null, null, null, null, null, "ranking quality");

        assertThat(only(named, withAuc(8123), null)).isEqualTo("[ranking quality]: PASSED - candidate 0.8123 >= 0.75");
    }
}
