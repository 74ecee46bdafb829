package io.mlgate.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final Offset<Double> EXACT = within(1e-12);

    /** y = [0, 0, 1, 1], scores [0.1, 0.4, 0.35, 0.8]: the sklearn documentation example. */
    private static Predictions sklearnExample() {
        return Predictions.classification("bad", 0.5,
                new String[] {"good", "good", "bad", "bad"},
                new String[] {"good", "good", "good", "bad"},
                new double[] {0.1, 0.4, 0.35, 0.8});
    }

    @Test
    void binaryThresholdMetricsAreThoseOfThePositiveClass() {
        MetricSet metrics = Evaluator.evaluate(sklearnExample());

        assertThat(metrics.get("accuracy")).isCloseTo(0.75, EXACT);
        assertThat(metrics.get("precision")).isCloseTo(1.0, EXACT);
        assertThat(metrics.get("recall")).isCloseTo(0.5, EXACT);
        assertThat(metrics.get("f1")).isCloseTo(2.0 / 3, EXACT);
    }

    @Test
    void binaryScoreMetricsMatchSklearn() {
        MetricSet metrics = Evaluator.evaluate(sklearnExample());

        assertThat(metrics.get("auc")).isCloseTo(0.75, EXACT);           // roc_auc_score
        assertThat(metrics.get("pr_auc")).isCloseTo(0.8333333333333333, EXACT); // average_precision_score
        assertThat(metrics.get("log_loss")).isCloseTo(0.47228795380917615, EXACT);
        assertThat(metrics.get("brier")).isCloseTo(0.158125, EXACT);
    }

    @Test
    void metricsAreInCatalogOrder() {
        assertThat(Evaluator.evaluate(sklearnExample()).values().keySet())
                .containsExactly("accuracy", "precision", "recall", "f1", "auc", "pr_auc", "log_loss", "brier");
    }

    @Test
    void aucCountsTiedPairsAsOneHalf() {
        // positives 0.5, 0.9; negatives 0.5, 0.2: pairs 0.5 (tie) + 1 + 1 + 1 = 3.5 of 4
        Predictions p = Predictions.classification("1", 0.5,
                new String[] {"0", "1", "0", "1"}, new String[] {"1", "1", "0", "1"}, new double[] {0.5, 0.5, 0.2, 0.9});

        assertThat(Evaluator.evaluate(p).get("auc")).isCloseTo(0.875, EXACT);
    }

    @Test
    void averagePrecisionTreatsTiedScoresAsOneThreshold() {
        // sklearn: average_precision_score([1,0,1,1,0], [.9,.9,.8,.3,.1]) = 1/3*1/2 + 1/3*2/3 + 1/3*3/4
        Predictions p = Predictions.classification("1", 0.5,
                new String[] {"1", "0", "1", "1", "0"}, new String[] {"1", "1", "1", "0", "0"}, new double[] {0.9, 0.9, 0.8, 0.3, 0.1});

        assertThat(Evaluator.evaluate(p).get("pr_auc")).isCloseTo(0.6388888888888888, EXACT);
    }

    @Test
    void aucOfAPerfectRankingIsOne() {
        Predictions p = Predictions.classification("1", 0.5,
                new String[] {"0", "0", "1"}, new String[] {"0", "0", "1"}, new double[] {0.1, 0.2, 0.9});

        assertThat(Evaluator.evaluate(p).get("auc")).isEqualTo(1.0);
        assertThat(Evaluator.evaluate(p).get("pr_auc")).isEqualTo(1.0);
    }

    @Test
    void aucIsAbsentWhenOnlyOneClassIsPresent() {
        Predictions p = Predictions.classification("bad", 0.5,
                new String[] {"good", "good"}, new String[] {"good", "bad"}, new double[] {0.1, 0.7});

        MetricSet metrics = Evaluator.evaluate(p);

        assertThat(metrics.has("auc")).isFalse();
        assertThat(metrics.has("pr_auc")).isFalse();
        assertThat(metrics.get("accuracy")).isEqualTo(0.5);
    }

    @Test
    void precisionIsZeroWhenNothingIsPredictedPositive() {
        Predictions p = Predictions.classification("bad", 0.5,
                new String[] {"good", "bad"}, new String[] {"good", "good"}, new double[] {0.1, 0.3});

        MetricSet metrics = Evaluator.evaluate(p);

        assertThat(metrics.get("precision")).isEqualTo(0.0);
        assertThat(metrics.get("f1")).isEqualTo(0.0);
    }

    @Test
    void multiclassHasAccuracyAndMacroF1Only() {
        // per class F1: a 2/3, b 2/3, c 0 -> macro 4/9
        Predictions p = Predictions.classification(null, Double.NaN,
                new String[] {"a", "b", "c", "a"}, new String[] {"a", "b", "b", "c"}, null);

        MetricSet metrics = Evaluator.evaluate(p);

        assertThat(metrics.values().keySet()).containsExactly("accuracy", "f1");
        assertThat(metrics.get("accuracy")).isCloseTo(0.5, EXACT);
        assertThat(metrics.get("f1")).isCloseTo(4.0 / 9, EXACT);
    }

    @Test
    void regressionMetricsMatchSklearn() {
        // sklearn r2_score([3, -0.5, 2, 7], [2.5, 0.0, 2, 8]) = 0.9486081370449679
        Predictions p = Predictions.regression(new double[] {3, -0.5, 2, 7}, new double[] {2.5, 0.0, 2, 8});

        MetricSet metrics = Evaluator.evaluate(p);

        assertThat(metrics.values().keySet()).containsExactly("mae", "rmse", "mse", "r2");
        assertThat(metrics.get("mae")).isCloseTo(0.5, EXACT);
        assertThat(metrics.get("mse")).isCloseTo(0.375, EXACT);
        assertThat(metrics.get("rmse")).isCloseTo(Math.sqrt(0.375), EXACT);
        assertThat(metrics.get("r2")).isCloseTo(0.9486081370449679, EXACT);
        assertThat(metrics.confusion()).isNull();
    }

    @Test
    void r2OfConstantActualsIsOneForAPerfectFitElseZero() {
        assertThat(Evaluator.evaluate(Predictions.regression(new double[] {2, 2}, new double[] {2, 2})).get("r2")).isEqualTo(1.0);
        assertThat(Evaluator.evaluate(Predictions.regression(new double[] {2, 2}, new double[] {1, 2})).get("r2")).isEqualTo(0.0);
    }

    @Test
    void confusionMatrixCountsActualAgainstPredicted() {
        ConfusionMatrix confusion = Evaluator.evaluate(sklearnExample()).confusion();

        assertThat(confusion.labels()).containsExactly("bad", "good");
        assertThat(confusion.positive()).isEqualTo("bad");
        assertThat(confusion.count("bad", "bad")).isEqualTo(1);
        assertThat(confusion.count("bad", "good")).isEqualTo(1);
        assertThat(confusion.count("good", "good")).isEqualTo(2);
        assertThat(confusion.count("good", "bad")).isZero();
        assertThat(confusion.total()).isEqualTo(4);
    }

    @Test
    void rocCurveRunsFromOriginToOneOne() {
        MetricSet metrics = Evaluator.evaluate(sklearnExample());

        assertThat(metrics.roc()).containsExactly(
                new CurvePoint(0, 0, Double.POSITIVE_INFINITY), new CurvePoint(0, 0.5, 0.8), new CurvePoint(0.5, 0.5, 0.4),
                new CurvePoint(0.5, 1, 0.35), new CurvePoint(1, 1, 0.1));
        assertThat(metrics.pr().get(0)).isEqualTo(new CurvePoint(0, 1, Double.POSITIVE_INFINITY));
        assertThat(metrics.pr().get(metrics.pr().size() - 1)).isEqualTo(new CurvePoint(1, 0.5, 0.1));
    }

    @Test
    void curvesOfManyRowsAreDownsampledKeepingBothEnds() {
        Random random = new Random(1);
        int n = 5000;
        String[] actual = new String[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = random.nextBoolean() ? "1" : "0";
            score[i] = random.nextDouble();
        }
        MetricSet metrics = Evaluator.evaluate(Predictions.classification("1", 0.5, actual, actual, score));

        assertThat(metrics.roc()).hasSizeLessThanOrEqualTo(Evaluator.MAX_CURVE_POINTS).hasSizeGreaterThan(150);
        assertThat(metrics.roc().get(0).x()).isZero();
        assertThat(metrics.roc().get(metrics.roc().size() - 1).y()).isEqualTo(1.0);
        assertThat(metrics.pr()).hasSizeLessThanOrEqualTo(Evaluator.MAX_CURVE_POINTS);
        assertThat(metrics.rows()).isEqualTo(n);
    }
}
