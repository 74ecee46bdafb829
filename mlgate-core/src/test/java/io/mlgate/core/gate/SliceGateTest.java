package io.mlgate.core.gate;

import static io.mlgate.core.gate.Fixtures.absolute;
import static io.mlgate.core.gate.Fixtures.concat;
import static io.mlgate.core.gate.Fixtures.minDelta;
import static io.mlgate.core.gate.Fixtures.repeat;
import static io.mlgate.core.gate.Fixtures.sliced;
import static io.mlgate.core.gate.Fixtures.withAuc;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.config.NoBaselinePolicy;
import io.mlgate.core.evaluate.Predictions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sliced gate applies to the rows of each value of a column. */
class SliceGateTest {
    /** term_36 for the first 200 rows, term_60 for the next 200. */
    private static final Map<String, String[]> TERMS = Map.of("term", Fixtures.concat(repeat("term_60", 200), repeat("term_36", 200)));

    @Test
    void eachSliceIsComparedWithTheChampionOnTheSameRows() {
        // equal on term_36, worse on term_60
        Predictions candidate = concat(withAuc(8012), withAuc(8000));
        Predictions champion = concat(withAuc(8214), withAuc(8000));

        GateReport report = GateEvaluator.evaluate(List.of(sliced(minDelta("auc", -0.005), "term", 30)),
                NoBaselinePolicy.PASS_WITH_NOTE, candidate, champion, "2", TERMS);

        assertThat(report.messages()).containsExactly(
                "[champion - auc @ term=term_36]: PASSED - candidate 0.8000, champion 0.8000, delta +0.0000 >= -0.005",
                "[champion - auc @ term=term_60]: FAILED - candidate 0.8012, champion 0.8214, delta -0.0202 < -0.005");
        assertThat(report.results()).extracting(GateResult::slice).containsExactly("term=term_36", "term=term_60");
        assertThat(report.status()).isEqualTo(GateStatus.FAILED);
    }

    @Test
    void aSliceWithTooFewRowsIsInactive() {
        String[] terms = Fixtures.concat(repeat("term_36", 188), repeat("term_60", 12));

        GateReport report = GateEvaluator.evaluate(List.of(sliced(absolute("accuracy", 0.5), "term", 30)),
                NoBaselinePolicy.PASS_WITH_NOTE, withAuc(8000), null, null, Map.of("term", terms));

        assertThat(report.results()).extracting(GateResult::status).containsExactly(GateStatus.PASSED, GateStatus.INACTIVE);
        assertThat(report.messages().get(1)).isEqualTo("[absolute - accuracy @ term=term_60]: INACTIVE - 12 rows < min_rows 30");
        assertThat(report.status()).isEqualTo(GateStatus.PASSED);
    }

    @Test
    void aMetricUndefinedOnASliceIsInactive() {
        // the last 100 rows are all positives: AUC needs both classes
        String[] terms = Fixtures.concat(repeat("term_36", 100), repeat("term_60", 100));

        GateReport report = GateEvaluator.evaluate(List.of(sliced(absolute("auc", 0.5), "term", 30)),
                NoBaselinePolicy.PASS_WITH_NOTE, withAuc(8000), null, null, Map.of("term", terms));

        assertThat(report.messages()).containsExactly(
                "[absolute - auc @ term=term_36]: INACTIVE - metric 'auc' cannot be computed on the 100 rows of this slice",
                "[absolute - auc @ term=term_60]: INACTIVE - metric 'auc' cannot be computed on the 100 rows of this slice");
    }

    @Test
    void aMissingSliceColumnFails() {
        GateReport report = GateEvaluator.evaluate(List.of(sliced(absolute("auc", 0.5), "grade", 30)),
                NoBaselinePolicy.PASS_WITH_NOTE, withAuc(8000), null, null, Map.of());

        assertThat(report.messages()).containsExactly("[absolute - auc @ grade]: FAILED - slice column 'grade' is missing from the holdout data");
    }

    @Test
    void aSlicedChampionGateWithoutChampionFollowsThePolicyOnce() {
        GateReport report = GateEvaluator.evaluate(List.of(sliced(minDelta("auc", -0.005), "term", 30)),
                NoBaselinePolicy.PASS_WITH_NOTE, concat(withAuc(8000), withAuc(8000)), null, null, TERMS);

        assertThat(report.messages()).containsExactly(
                "[champion - auc @ term]: INACTIVE - no champion (production alias unset); no_baseline=pass_with_note");
    }
}
