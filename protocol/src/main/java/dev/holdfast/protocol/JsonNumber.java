package dev.holdfast.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import ch.randelshofer.fastdoubleparser.JavaFloatParser;

/**
 * One JSON number as {@link BatchDecoder} reads it: parsed by the JSON grammar from the bytes where they lie into
 * ±mantissa × 10^scale (at most 18 significant digits kept, {@link #inexact} if a dropped one was not zero), then
 * converted exactly as the JDK's parsers do — directly when that is exact (Clinger's fast path), else by
 * FastDoubleParser from the bytes (correctly rounded like {@link Double#parseDouble}, without a String). Reused for every number of a batch; not thread-safe.
 */
final class JsonNumber {

    private static final double[] POW10 = new double[23];
    private static final float[] FPOW10 = new float[11];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++, p *= 10) {
            POW10[i] = p;
        }
        float f = 1;
        for (int i = 0; i < FPOW10.length; i++, f *= 10) {
            FPOW10[i] = f;
        }
    }

    private boolean negative;
    private boolean integral;
    private boolean inexact;
    private long mantissa;
    private int scale;
    private byte[] source = new byte[0];
    private int from;
    private int to;

    /** Whether {@code c} can be part of a JSON number. */
    static boolean isNumberChar(byte c) {
        return c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
    }

    /** Whether {@code c} may follow a whole number (neither a number character nor a letter). */
    static boolean endsNumber(byte c) {
        return !isNumberChar(c) && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z');
    }

    /** Parses exactly {@code src[from, to)} by the JSON number grammar; false if it is not a JSON number. */
    boolean parse(byte[] src, int from, int to) {
        this.source = src;
        this.from = from;
        this.to = to;
        boolean minus = false;
        boolean whole = true;
        boolean dropped = false;
        long m = 0;
        int digits = 0;
        int s = 0;
        int p = from;
        if (p < to && src[p] == '-') {
            minus = true;
            p++;
        }
        if (p < to && src[p] == '0') {
            p++;
        } else if (p < to && src[p] >= '1' && src[p] <= '9') {
            for (; p < to && src[p] >= '0' && src[p] <= '9'; p++) {
                if (digits < 18) {
                    m = m * 10 + src[p] - '0';
                    digits++;
                } else {
                    dropped |= src[p] != '0';
                    s++;
                }
            }
        } else {
            return false;
        }
        if (p < to && src[p] == '.') {
            whole = false;
            p++;
            if (p == to || src[p] < '0' || src[p] > '9') {
                return false;
            }
            for (; p < to && src[p] >= '0' && src[p] <= '9'; p++) {
                if (digits < 18) {
                    if (digits > 0 || src[p] != '0') {
                        m = m * 10 + src[p] - '0';
                        digits++;
                    }
                    s--;
                } else {
                    dropped |= src[p] != '0';
                }
            }
        }
        if (p < to && (src[p] == 'e' || src[p] == 'E')) {
            whole = false;
            p++;
            boolean negativeExponent = false;
            if (p < to && (src[p] == '+' || src[p] == '-')) {
                negativeExponent = src[p] == '-';
                p++;
            }
            if (p == to || src[p] < '0' || src[p] > '9') {
                return false;
            }
            int exponent = 0;
            for (; p < to && src[p] >= '0' && src[p] <= '9'; p++) {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + src[p] - '0';
                }
            }
            s += negativeExponent ? -exponent : exponent;
        }
        if (p != to) {
            return false;
        }
        negative = minus;
        integral = whole;
        inexact = dropped;
        mantissa = m;
        scale = s;
        return true;
    }

    /** Written without fraction or exponent. */
    boolean integral() {
        return integral;
    }

    /** The value of an {@link #integral()} number; NumberFormatException if it does not fit a long. */
    long toLong() {
        if (scale != 0) { // more digits than the mantissa keeps
            return Long.parseLong(text());
        }
        return negative ? -mantissa : mantissa;
    }

    double toDouble() {
        if (!inexact && mantissa <= 1L << 53 && scale >= -22 && scale <= 22) {
            double d = mantissa; // exact; one correctly rounded operation follows
            d = scale >= 0 ? d * POW10[scale] : d / POW10[-scale];
            return negative ? -d : d;
        }
        return JavaDoubleParser.parseDouble(source, from, to - from);
    }

    float toFloat() {
        if (!inexact && mantissa <= 1L << 24 && scale >= -10 && scale <= 10) {
            float f = mantissa;
            f = scale >= 0 ? f * FPOW10[scale] : f / FPOW10[-scale];
            return negative ? -f : f;
        }
        return JavaFloatParser.parseFloat(source, from, to - from);
    }

    private String text() {
        return new String(source, from, to - from, ISO_8859_1);
    }
}
