package io.mlgate.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlgate.core.config.BootstrapSpec;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {

    private static Predictions scored(String[] actual, double[] score) {
        String[] predicted = new String[actual.length];
        for (int i = 0; i < actual.length; i++) {
            predicted[i] = score[i] >= 0.5 ? "1" : "0";
        }
        return Predictions.classification("1", 0.5, actual, predicted, score);
    }

    private static String[] labels(int n, long seed) {
        Random random = new Random(seed);
        String[] actual = new String[n];
        for (int i = 0; i < n; i++) {
            actual[i] = random.nextDouble() < 0.3 ? "1" : "0";
        }
        return actual;
    }

    private static double[] noisyScores(String[] actual, double signal, long seed) {
        Random random = new Random(seed);
        double[] score = new double[actual.length];
        for (int i = 0; i < actual.length; i++) {
            score[i] = 1 / (1 + Math.exp(-(random.nextGaussian() + ("1".equals(actual[i]) ? signal : 0))));
        }
        return score;
    }

    @Test
    void identicalModelsHaveAZeroWidthIntervalAtZero() {
        String[] actual = labels(300, 1);
        Predictions model = scored(actual, noisyScores(actual, 1.0, 2));

        DeltaInterval interval = PairedBootstrap.interval(MetricCatalog.AUC, model, model, new BootstrapSpec(200, 0.95, 7L)).orElseThrow();

        assertThat(interval.lower()).isZero();
        assertThat(interval.upper()).isZero();
        assertThat(interval.validSamples()).isEqualTo(200);
    }

    @Test
    void aMuchBetterCandidateHasAnIntervalWhollyAboveZero() {
        String[] actual = labels(2000, 3);
        Predictions candidate = scored(actual, noisyScores(actual, 2.0, 4));
        Predictions champion = scored(actual, noisyScores(actual, 0.5, 5));

        // 1000 resamples of 2000 rows: one sort per model, O(n) per resample
        DeltaInterval interval = PairedBootstrap.interval(MetricCatalog.AUC, candidate, champion, new BootstrapSpec(1000, 0.95, 42L)).orElseThrow();

        double delta = Evaluator.evaluate(candidate).get("auc") - Evaluator.evaluate(champion).get("auc");
        assertThat(interval.lower()).isPositive().isLessThan(delta);
        assertThat(interval.upper()).isGreaterThan(delta);
        assertThat(interval.hasRelative()).isTrue();
        assertThat(interval.relativeLower()).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameInterval() {
        String[] actual = labels(500, 6);
        Predictions candidate = scored(actual, noisyScores(actual, 1.0, 7));
        Predictions champion = scored(actual, noisyScores(actual, 1.1, 8));
        BootstrapSpec spec = new BootstrapSpec(300, 0.9, 11L);

        assertThat(PairedBootstrap.interval(MetricCatalog.PR_AUC, candidate, champion, spec))
                .isEqualTo(PairedBootstrap.interval(MetricCatalog.PR_AUC, candidate, champion, spec));
    }

    @Test
    void regressionMetricsBootstrapToo() {
        Random random = new Random(9);
        double[] actual = new double[400];
        double[] good = new double[400];
        double[] bad = new double[400];
        for (int i = 0; i < actual.length; i++) {
            actual[i] = random.nextGaussian() * 10;
            good[i] = actual[i] + random.nextGaussian();
            bad[i] = actual[i] + random.nextGaussian() * 5;
        }

        DeltaInterval interval = PairedBootstrap.interval(MetricCatalog.RMSE, Predictions.regression(actual, good),
                Predictions.regression(actual, bad), new BootstrapSpec(500, 0.95, 1L)).orElseThrow();

        assertThat(interval.upper()).isNegative();
    }

    @Test
    void resamplesWithoutBothClassesAreLeftOutOfTheInterval() {
        // one positive in 20 rows: about a third of the resamples miss it, and AUC needs both classes
        String[] actual = new String[20];
        java.util.Arrays.fill(actual, "0");
        actual[0] = "1";
        Predictions model = scored(actual, noisyScores(actual, 1, 1));

        DeltaInterval interval = PairedBootstrap.interval(MetricCatalog.AUC, model, model, new BootstrapSpec(200, 0.95, 1L)).orElseThrow();

        assertThat(interval.validSamples()).isBetween(100, 170);
        assertThat(interval.samples()).isEqualTo(200);
    }

    @Test
    void noIntervalWhenTheMetricIsUndefinedOnMostResamples() {
        Predictions oneClass = scored(new String[] {"1", "1", "1"}, new double[] {0.2, 0.6, 0.9});

        assertThat(PairedBootstrap.interval(MetricCatalog.AUC, oneClass, oneClass, new BootstrapSpec(200, 0.95, 1L))).isEmpty();
    }

    @Test
    void percentileInterpolatesLinearlyLikeNumpy() {
        double[] sorted = {1, 2, 3, 4};

        assertThat(PairedBootstrap.percentile(sorted, 0.5)).isEqualTo(2.5);
        assertThat(PairedBootstrap.percentile(sorted, 0.0)).isEqualTo(1.0);
        assertThat(PairedBootstrap.percentile(sorted, 1.0)).isEqualTo(4.0);
    }
}
