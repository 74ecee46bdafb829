package io.mlgate.core.data;

/**
 * Distances between a reference and a current distribution over the same bins.
 *
 * <p>PSI (population stability index) is {@code sum (a - e) * ln(a / e)}; a share of zero is
 * replaced by {@link #EPSILON} first (no renormalisation), so a bin that is empty on one side
 * contributes a large but finite amount. The Jensen-Shannon distance is the square root of the
 * Jensen-Shannon divergence in base 2, so it lies in 0..1 and needs no smoothing.
 */
public final class Drift {
    /** The share used for an empty bin in PSI. */
    public static final double EPSILON = 1e-4;

    private Drift() {
    }

    /** PSI of the actual shares against the expected (reference) shares; arrays of equal length. */
    public static double psi(double[] expectedShares, double[] actualShares) {
        requireSameLength(expectedShares, actualShares);
        double sum = 0;
        for (int i = 0; i < expectedShares.length; i++) {
            double e = Math.max(expectedShares[i], EPSILON);
            double a = Math.max(actualShares[i], EPSILON);
            sum += (a - e) * Math.log(a / e);
        }
        return sum;
    }

    /** Jensen-Shannon distance (base 2, 0..1) between two share vectors; each is normalised to sum 1. */
    public static double jsDistance(double[] p, double[] q) {
        requireSameLength(p, q);
        double sp = sum(p);
        double sq = sum(q);
        if (sp <= 0 || sq <= 0) {
            return Double.NaN;
        }
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sp;
            double qi = q[i] / sq;
            double m = (pi + qi) / 2;
            if (pi > 0) {
                divergence += 0.5 * pi * log2(pi / m);
            }
            if (qi > 0) {
                divergence += 0.5 * qi * log2(qi / m);
            }
        }
        // Rounding can leave a tiny negative or a hair above 1.
        return Math.sqrt(Math.min(1, Math.max(0, divergence)));
    }

    /** Counts as shares of their total; all zeros when the total is zero. */
    public static double[] shares(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] shares = new double[counts.length];
        if (total > 0) {
            for (int i = 0; i < counts.length; i++) {
                shares[i] = (double) counts[i] / total;
            }
        }
        return shares;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static void requireSameLength(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("share vectors differ in length: " + a.length + " bins vs " + b.length
                    + "; both must use the reference bins");
        }
    }
}
