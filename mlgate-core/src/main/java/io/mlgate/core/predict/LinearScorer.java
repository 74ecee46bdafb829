package io.mlgate.core.predict;

/**
 * A Tribuo linear SGD model as its weight matrix: per output, the sum over present features in
 * feature-id order of {@code w * x}, then the bias weight (last column), exactly as
 * {@code DenseMatrix.leftMultiply}; classification then applies Tribuo's {@code ExpNormalizer}
 * (softmax with {@code Math.exp}) and picks the first strictly highest probability.
 */
final class LinearScorer implements RowScorer {
    /** [output][feature], bias last. */
    private final double[][] weights;
    private final boolean softmax;

    LinearScorer(double[][] weights, boolean softmax) {
        this.weights = weights;
        this.softmax = softmax;
    }

    @Override
    public int score(double[] x, double[] out) {
        int f = x.length;
        for (int o = 0; o < weights.length; o++) {
            double[] w = weights[o];
            double sum = 0.0;
            for (int j = 0; j < f; j++) {
                double v = x[j];
                if (v == v) {
                    sum += w[j] * v;
                }
            }
            sum += w[f] * 1.0;
            out[o] = sum;
        }
        if (!softmax) {
            return 0;
        }
        double max = -Double.MAX_VALUE;
        for (double v : out) {
            if (max < v) {
                max = v;
            }
        }
        double sum = 0.0;
        for (int o = 0; o < out.length; o++) {
            out[o] = Math.exp(out[o] - max);
            sum += out[o];
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < out.length; o++) {
            out[o] /= sum;
            if (out[o] > bestScore) {
                bestScore = out[o];
                best = o;
            }
        }
        return best;
    }

    @Override
    public String describe() {
        return (softmax ? "logistic: " : "linear: ") + weights.length + " x " + weights[0].length + " weights";
    }
}
