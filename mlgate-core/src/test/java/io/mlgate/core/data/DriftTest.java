package io.mlgate.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DriftTest {

    @Test
    void psiOfAShiftedSplitIsTheSumOfDifferenceTimesLogRatio() {
        // (0.25 - 0.5) ln(0.5) + (0.75 - 0.5) ln(1.5) = 0.173287 + 0.101366
        assertThat(Drift.psi(new double[] {0.5, 0.5}, new double[] {0.25, 0.75})).isCloseTo(0.274653, within(1e-6));
    }

    @Test
    void psiOfIdenticalSharesIsZero() {
        assertThat(Drift.psi(new double[] {0.2, 0.3, 0.5}, new double[] {0.2, 0.3, 0.5})).isZero();
    }

    @Test
    void psiSmoothsAnEmptyReferenceBinWithEpsilon() {
        // bin 3: (0.1 - 1e-4) ln(0.1 / 1e-4) = 0.690085; bin 2: (0.4 - 0.5) ln(0.8) = 0.022314
        assertThat(Drift.psi(new double[] {0.5, 0.5, 0}, new double[] {0.5, 0.4, 0.1})).isCloseTo(0.712399, within(1e-6));
    }

    @Test
    void jsDistanceIsTheSquareRootOfTheBase2Divergence() {
        // M = (0.75, 0.25); JSD = (0.207519 + 0.415037) / 2 = 0.311278; sqrt = 0.557923
        assertThat(Drift.jsDistance(new double[] {0.5, 0.5}, new double[] {1, 0})).isCloseTo(0.557923, within(1e-6));
    }

    @Test
    void jsDistanceIsZeroForEqualAndOneForDisjointDistributions() {
        assertThat(Drift.jsDistance(new double[] {0.3, 0.7}, new double[] {0.3, 0.7})).isCloseTo(0, within(1e-12));
        assertThat(Drift.jsDistance(new double[] {1, 0}, new double[] {0, 1})).isCloseTo(1, within(1e-12));
    }

    @Test
    void sharesAreCountsOverTheirTotal() {
        assertThat(Drift.shares(new long[] {1, 3, 0})).containsExactly(0.25, 0.75, 0);
    }

    @Test
    void binsOfDifferentLengthAreRejected() {
        assertThatThrownBy(() -> Drift.psi(new double[] {1}, new double[] {0.5, 0.5}))
                .hasMessageContaining("1 bins vs 2");
    }
}
