package io.mlgate.core.gate;

import static io.mlgate.core.gate.Fixtures.bootstrapped;
import static io.mlgate.core.gate.Fixtures.withAuc;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.config.BootstrapSpec;
import io.mlgate.core.config.GateSpec;
import io.mlgate.core.config.NoBaselinePolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Noise-aware champion gates: a delta beyond the limit fails only when the whole paired interval is. */
class BootstrapGateTest {

    private static GateResult evaluate(int candidatePairs, int championPairs, double minDelta) {
        return GateEvaluator.evaluate(List.of(bootstrapped("auc", minDelta)), NoBaselinePolicy.PASS_WITH_NOTE,
                withAuc(candidatePairs), withAuc(championPairs), "1", null).results().get(0);
    }

    @Test
    void aSmallDropCausedByTwoRowsIsNotSignificant() {
        // the models differ on two positives only: resamples without them have delta 0
        GateResult result = evaluate(8184, 8214, -0.002);

        assertThat(result.status()).isEqualTo(GateStatus.PASSED);
        assertThat(result.interval()[1]).isGreaterThanOrEqualTo(-0.002);
        assertThat(result.message()).isEqualTo(
                "[champion - auc]: PASSED - candidate 0.8184, champion 0.8214, delta -0.0030 < -0.002, 95% CI [-0.0081, +0.0000] (not significant)");
    }

    @Test
    void aLargeDropIsSignificantAndFails() {
        GateResult result = evaluate(6000, 8214, -0.002);

        assertThat(result.status()).isEqualTo(GateStatus.FAILED);
        assertThat(result.interval()[1]).isLessThan(-0.002);
        assertThat(result.message()).isEqualTo(
                "[champion - auc]: FAILED - candidate 0.6000, champion 0.8214, delta -0.2214 < -0.002, 95% CI [-0.3077, -0.1396]");
    }

    @Test
    void anImprovementPassesAndReportsItsInterval() {
        GateResult result = evaluate(8500, 8214, -0.002);

        assertThat(result.status()).isEqualTo(GateStatus.PASSED);
        assertThat(result.interval()[0]).isLessThan(result.delta());
        assertThat(result.interval()[1]).isGreaterThan(result.delta());
        assertThat(result.message()).matches(
                "\\[champion - auc]: PASSED - candidate 0\\.8500, champion 0\\.8214, delta \\+0\\.0286 >= -0\\.002, 95% CI \\[[+-]\\d\\.\\d{4}, \\+\\d\\.\\d{4}]");
    }

    @Test
    void aRelativeFloorIsBootstrappedOnTheRelativeDelta() {
        GateSpec gate = new GateSpec("auc", null, null, null, -0.01, null, null, null, new BootstrapSpec(1000, 0.9, 1L), null, null);

        GateResult result = GateEvaluator.evaluate(List.of(gate), null, withAuc(8100), withAuc(8214), "1", null).results().get(0);

        assertThat(result.status()).isEqualTo(GateStatus.PASSED);
        assertThat(result.message()).isEqualTo(
                "[champion - auc]: PASSED - candidate 0.8100, champion 0.8214, relative delta -1.39% < -1.00%, 90% CI [-3.82%, +0.00%] (not significant)");
    }

    @Test
    void theIntervalIsReproducible() {
        assertThat(evaluate(8184, 8214, -0.002).message()).isEqualTo(evaluate(8184, 8214, -0.002).message());
    }
}
