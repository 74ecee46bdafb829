package io.mlgate.core.data;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How mlgate reads one CSV cell: what counts as empty, as a number, as a boolean. Shared by
 * inference, profiling and validation so the three never disagree. Hot path: no regex, no
 * exceptions for non-numbers, no allocation for plain decimals.
 */
final class Cells {
    /** Exact powers of ten as doubles (10^22 is the largest exactly representable). */
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    private static final long MAX_EXACT = 1L << 53;
    private static final long MANTISSA_LIMIT = 100_000_000_000_000_000L; // 1e17: mant * 10 + 9 fits a long

    private Cells() {
    }

    /**
     * A cell is empty ("null") when it has no characters or only whitespace. Literal tokens
     * like NA or None are values, not nulls: "None" is a real category in the Ames data.
     */
    static boolean isNull(String cell) {
        int n = cell.length();
        for (int i = 0; i < n; i++) {
            if (cell.charAt(i) > ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses a plain decimal number ({@code -12}, {@code 3.5}, {@code .5}, {@code 1e-3}, surrounding
     * blanks allowed). Returns NaN for anything else, including "NaN", "Infinity", hex and Java's
     * {@code 1.0f}. Numbers with at most 17 significant digits and a small exponent are computed
     * exactly (one correctly rounded multiply or divide of two exact doubles); the rest go to
     * {@link Double#parseDouble}, which then cannot throw because the grammar was checked here.
     */
    static double parse(String cell) {
        int end = cell.length();
        int i = 0;
        while (i < end && cell.charAt(i) <= ' ') {
            i++;
        }
        while (end > i && cell.charAt(end - 1) <= ' ') {
            end--;
        }
        if (i >= end) {
            return Double.NaN;
        }
        final int start = i;
        boolean negative = false;
        char c = cell.charAt(i);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i++;
        }
        long mantissa = 0;
        int exponent = 0;
        boolean digits = false;
        boolean lossy = false;
        while (i < end && (c = cell.charAt(i)) >= '0' && c <= '9') {
            digits = true;
            if (mantissa < MANTISSA_LIMIT) {
                mantissa = mantissa * 10 + (c - '0');
            } else {
                exponent++;
                lossy = true;
            }
            i++;
        }
        if (i < end && cell.charAt(i) == '.') {
            i++;
            while (i < end && (c = cell.charAt(i)) >= '0' && c <= '9') {
                digits = true;
                if (mantissa < MANTISSA_LIMIT) {
                    mantissa = mantissa * 10 + (c - '0');
                    exponent--;
                } else {
                    lossy = true;
                }
                i++;
            }
        }
        if (!digits) {
            return Double.NaN;
        }
        if (i < end && ((c = cell.charAt(i)) == 'e' || c == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && ((c = cell.charAt(i)) == '-' || c == '+')) {
                negativeExponent = c == '-';
                i++;
            }
            int e = 0;
            boolean expDigits = false;
            while (i < end && (c = cell.charAt(i)) >= '0' && c <= '9') {
                expDigits = true;
                if (e < 100_000) {
                    e = e * 10 + (c - '0');
                }
                i++;
            }
            if (!expDigits) {
                return Double.NaN;
            }
            exponent += negativeExponent ? -e : e;
        }
        if (i != end) {
            return Double.NaN;
        }
        if (!lossy && mantissa <= MAX_EXACT && exponent >= -22 && exponent <= 22) {
            double value = exponent >= 0 ? mantissa * POW10[exponent] : mantissa / POW10[-exponent];
            return negative ? -value : value;
        }
        return Double.parseDouble(cell.substring(start, end));
    }

    /** Whether a non-empty cell is written as a whole number: optional sign, digits only. */
    static boolean isIntegerLiteral(String cell) {
        int end = cell.length();
        int i = 0;
        while (i < end && cell.charAt(i) <= ' ') {
            i++;
        }
        while (end > i && cell.charAt(end - 1) <= ' ') {
            end--;
        }
        if (i < end && (cell.charAt(i) == '-' || cell.charAt(i) == '+')) {
            i++;
        }
        if (i >= end) {
            return false;
        }
        for (; i < end; i++) {
            char c = cell.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether a parsed number is a whole number an int column accepts ("3" and "3.0" alike). */
    static boolean isWhole(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value);
    }

    /** 1 for true/yes, 0 for false/no (any case), -1 otherwise; with {@code digits}, also 1/0. */
    static int bool(String cell, boolean digits) {
        String s = cell.strip();
        switch (s.length()) {
            case 1:
                if (digits) {
                    char c = s.charAt(0);
                    return c == '1' ? 1 : c == '0' ? 0 : -1;
                }
                return -1;
            case 2:
                return s.equalsIgnoreCase("no") ? 0 : -1;
            case 3:
                return s.equalsIgnoreCase("yes") ? 1 : -1;
            case 4:
                return s.equalsIgnoreCase("true") ? 1 : -1;
            case 5:
                return s.equalsIgnoreCase("false") ? 0 : -1;
            default:
                return -1;
        }
    }

    /** The canonical category of a boolean cell, for profiles and drift. */
    static String boolName(int value) {
        return value == 1 ? "true" : "false";
    }

    /** A number for people: at most 6 significant digits, no exponent, no trailing zeros. */
    static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
