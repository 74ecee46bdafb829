package io.mlgate.core.predict;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Single-precision {@code e^x} bit-for-bit as XGBoost's native library computes it: xgboost4j
 * calls glibc's {@code expf} in its softmax, and Java has no float exp (rounding
 * {@code Math.exp} to float disagrees with glibc on about one input in 10^4).
 *
 * <p>glibc (2.27+) evaluates expf with the table-and-cubic method of ARM's optimized-routines
 * (MIT / Apache-2.0): {@code x*32/ln2 = k + r}, {@code e^x = 2^(k/32) * p(r)} with a 32-entry
 * table of {@code 2^(i/32)} and a degree-3 polynomial, all in double, rounded to float once. On
 * x86-64 CPUs with FMA glibc runs a build whose compiler fused the multiply-adds; on older CPUs
 * the plain build. Both variants are emulated here; the FMA one matched the native expf on all
 * 1.12e9 float inputs in [-104, 0] on this project's machines. When the two variants disagree
 * (one input in ~10^9) the result depends on the CPU, so {@link #exp} answers NaN and the caller
 * falls back to XGBoost itself.
 */
final class Expf {
    private static final int N = 32;
    private static final double SHIFT = 0x1.8p+52;
    private static final double INV_LN2_N = 0x1.71547652b82fep+0 * N;
    private static final double C0 = 0x1.c6af84b912394p-5 / N / N / N;
    private static final double C1 = 0x1.ebfce50fac4f3p-3 / N / N;
    private static final double C2 = 0x1.62e42ff0c52d6p-1 / N;
    /** Bits of 2^(i/32) correctly rounded, minus i << 47 (so adding k << 47 scales by 2^(k/32)). */
    private static final long[] TABLE = new long[N];

    static {
        for (int i = 0; i < N; i++) {
            TABLE[i] = Double.doubleToRawLongBits(twoToTheIOver32(i)) - ((long) i << 47);
        }
    }

    private Expf() {
    }

    /** 2^(i/32) correctly rounded to double: the neighbour of pow's answer whose 32nd power is nearest 2^i. */
    private static double twoToTheIOver32(int i) {
        double guess = StrictMath.pow(2.0, i / 32.0);
        BigDecimal target = BigDecimal.valueOf(2).pow(i);
        double best = guess;
        BigDecimal bestErr = null;
        for (double c : new double[] {Math.nextDown(guess), guess, Math.nextUp(guess)}) {
            BigDecimal err = new BigDecimal(c).pow(32, MathContext.UNLIMITED).subtract(target).abs();
            if (bestErr == null || err.compareTo(bestErr) < 0) {
                best = c;
                bestErr = err;
            }
        }
        return best;
    }

    /** glibc's expf(x), or NaN when the FMA and plain builds of glibc would disagree. */
    static float exp(float x) {
        if (Float.isNaN(x)) {
            return x;
        }
        if (x > 0x1.62e42ep6f) {
            return Float.POSITIVE_INFINITY;
        }
        if (x < -0x1.9fe368p6f) {
            return 0.0f;
        }
        float fused = fused(x);
        return fused == plain(x) ? fused : Float.NaN;
    }

    static float fused(float x) {
        double xd = x;
        double kd = Math.fma(INV_LN2_N, xd, SHIFT);
        long ki = Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        double r = Math.fma(INV_LN2_N, xd, -kd);
        double s = scale(ki);
        double z = Math.fma(C0, r, C1);
        double r2 = r * r;
        double y = Math.fma(C2, r, 1.0);
        y = Math.fma(z, r2, y);
        return (float) (y * s);
    }

    static float plain(float x) {
        double xd = x;
        double z = INV_LN2_N * xd;
        double kd = z + SHIFT;
        long ki = Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        double r = z - kd;
        double s = scale(ki);
        z = C0 * r + C1;
        double r2 = r * r;
        double y = C2 * r + 1.0;
        y = z * r2 + y;
        return (float) (y * s);
    }

    private static double scale(long ki) {
        // ki % N on the unsigned 64-bit integer, as in C
        long t = TABLE[(int) (ki & (N - 1))] + (ki << 47);
        return Double.longBitsToDouble(t);
    }
}
