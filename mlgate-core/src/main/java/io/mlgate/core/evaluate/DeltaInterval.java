package io.mlgate.core.evaluate;

/**
 * A paired bootstrap percentile interval on candidate - champion (and on the relative delta).
 *
 * @param lower          lower bound of the delta
 * @param upper          upper bound of the delta
 * @param relativeLower  lower bound of delta / |champion|; NaN when a resample had champion 0
 * @param relativeUpper  upper bound of the relative delta; NaN likewise
 * @param confidence     two-sided level, e.g. 0.95
 * @param samples        resamples drawn
 * @param validSamples   resamples where the metric was defined for both models (AUC needs
 *                       both classes); the interval comes from these
 */
public record DeltaInterval(double lower, double upper, double relativeLower, double relativeUpper,
                            double confidence, int samples, int validSamples) {

    /** True when the relative bounds could be computed. */
    public boolean hasRelative() {
        return !Double.isNaN(relativeLower) && !Double.isNaN(relativeUpper);
    }
}
