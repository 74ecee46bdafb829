package io.mlgate.core.gate;

import io.mlgate.core.config.Baseline;
import io.mlgate.core.config.BootstrapSpec;
import io.mlgate.core.config.Criticality;
import io.mlgate.core.config.GateSpec;
import io.mlgate.core.config.SliceSpec;
import io.mlgate.core.evaluate.Predictions;
import java.util.Arrays;

/** Predictions built so that a metric has an exact, known value. */
final class Fixtures {
    static final int NEGATIVES = 100;
    static final int POSITIVES = 100;

    private Fixtures() {
    }

    /**
     * 100 negatives ("good") then 100 positives ("bad"), scored so that exactly {@code pairsWon}
     * of the 10,000 positive/negative pairs rank the positive higher: AUC = pairsWon / 10,000.
     */
    static Predictions withAuc(int pairsWon) {
        String[] actual = new String[NEGATIVES + POSITIVES];
        double[] score = new double[actual.length];
        double scale = NEGATIVES + 2;
        for (int k = 0; k < NEGATIVES; k++) {
            actual[k] = "good";
            score[k] = (k + 1) / scale;
        }
        int remaining = pairsWon;
        for (int k = 0; k < POSITIVES; k++) {
            int beaten = Math.min(NEGATIVES, remaining);
            remaining -= beaten;
            actual[NEGATIVES + k] = "bad";
            // above the scores of the first 'beaten' negatives, below the rest
            score[NEGATIVES + k] = (beaten + 0.5) / scale;
        }
        return binary(actual, score);
    }

    /** 10 positives and 40 negatives, thresholded so that tp and fp are as given (no scores). */
    static Predictions withF1(int truePositives, int falsePositives) {
        String[] actual = new String[50];
        String[] predicted = new String[50];
        for (int i = 0; i < 50; i++) {
            actual[i] = i < 10 ? "bad" : "good";
            boolean positive = i < 10 ? i < truePositives : i - 10 < falsePositives;
            predicted[i] = positive ? "bad" : "good";
        }
        return Predictions.classification("bad", 0.5, actual, predicted, null);
    }

    /** Regression where every prediction is off by {@code error}: rmse = mae = error. */
    static Predictions withError(double error) {
        double[] actual = {100_000, 150_000, 200_000, 250_000};
        double[] predicted = Arrays.stream(actual).map(a -> a + error).toArray();
        return Predictions.regression(actual, predicted);
    }

    static Predictions binary(String[] actual, double[] score) {
        String[] predicted = new String[actual.length];
        for (int i = 0; i < actual.length; i++) {
            predicted[i] = score[i] >= 0.5 ? "bad" : "good";
        }
        return Predictions.classification("bad", 0.5, actual, predicted, score);
    }

    /** The rows of a then the rows of b. */
    static Predictions concat(Predictions a, Predictions b) {
        String[] actual = concat(a.actual(), b.actual());
        double[] score = new double[a.size() + b.size()];
        System.arraycopy(a.positiveScore(), 0, score, 0, a.size());
        System.arraycopy(b.positiveScore(), 0, score, a.size(), b.size());
        return binary(actual, score);
    }

    static String[] concat(String[] a, String[] b) {
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static String[] repeat(String value, int times) {
        String[] values = new String[times];
        Arrays.fill(values, value);
        return values;
    }

    static GateSpec absolute(String metric, double threshold) {
        return new GateSpec(metric, Baseline.ABSOLUTE, threshold, null, null, null, null, null, null, null, null);
    }

    static GateSpec absolute(String metric, double threshold, Criticality criticality) {
        return new GateSpec(metric, Baseline.ABSOLUTE, threshold, null, null, null, null, criticality, null, null, null);
    }

    static GateSpec minDelta(String metric, double minDelta) {
        return new GateSpec(metric, Baseline.CHAMPION, null, minDelta, null, null, null, null, null, null, null);
    }

    static GateSpec minDelta(String metric, double minDelta, Criticality criticality) {
        return new GateSpec(metric, Baseline.CHAMPION, null, minDelta, null, null, null, criticality, null, null, null);
    }

    static GateSpec maxDelta(String metric, double maxDelta) {
        return new GateSpec(metric, Baseline.CHAMPION, null, null, null, maxDelta, null, null, null, null, null);
    }

    static GateSpec minRelativeDelta(String metric, double minRelative, Criticality criticality) {
        return new GateSpec(metric, Baseline.CHAMPION, null, null, minRelative, null, null, criticality, null, null, null);
    }

    static GateSpec bothDeltas(String metric, double minDelta, double minRelative) {
        return new GateSpec(metric, Baseline.CHAMPION, null, minDelta, minRelative, null, null, null, null, null, null);
    }

    static GateSpec bootstrapped(String metric, double minDelta) {
        return new GateSpec(metric, Baseline.CHAMPION, null, minDelta, null, null, null, null,
                new BootstrapSpec(1000, 0.95, 42L), null, null);
    }

    static GateSpec sliced(GateSpec gate, String column, int minRows) {
        return new GateSpec(gate.metric(), gate.baseline(), gate.threshold(), gate.minDelta(), gate.minRelativeDelta(),
                gate.maxDelta(), gate.maxRelativeDelta(), gate.criticality(), gate.bootstrap(), new SliceSpec(column, minRows), gate.name());
    }
}
