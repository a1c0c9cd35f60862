package dev.holdfast.protocol;

import static dev.holdfast.protocol.BatchValidator.require;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The motion windows of a batch, stored column by column. An immutable {@code List<MotionWindow>};
 * hot paths read {@link #t(int)}, {@link #dur(int)}, {@link #rms(int)} without allocating.
 */
public final class MotionWindows extends AbstractList<MotionWindow> implements RandomAccess {

    private static final MotionWindows EMPTY = new Builder(0).build();

    private final int size;
    private final long[] t;
    private final int[] dur;
    private final float[] rms;

    private MotionWindows(Builder b) {
        size = b.size;
        t = b.t;
        dur = b.dur;
        rms = b.rms;
    }

    public static MotionWindows empty() {
        return EMPTY;
    }

    /** The given windows as columns (the same object if it already is one). */
    public static MotionWindows copyOf(List<MotionWindow> windows) {
        if (windows instanceof MotionWindows columns) {
            return columns;
        }
        Builder b = new Builder(windows.size());
        for (MotionWindow w : windows) {
            b.addUnchecked(w.t(), w.dur(), w.rms());
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder(16);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public MotionWindow get(int i) {
        check(i);
        return new MotionWindow(t[i], dur[i], rms[i]);
    }

    public long t(int i) {
        check(i);
        return t[i];
    }

    public int dur(int i) {
        check(i);
        return dur[i];
    }

    public float rms(int i) {
        check(i);
        return rms[i];
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + ", size " + size);
        }
    }

    /** Collects motion windows; not thread-safe, use once. */
    public static final class Builder {

        private int size;
        private long[] t;
        private int[] dur;
        private float[] rms;

        Builder(int capacity) {
            t = new long[capacity];
            dur = new int[capacity];
            rms = new float[capacity];
        }

        /** @throws IllegalArgumentException if a value breaks a rule of {@link BatchValidator} */
        public Builder add(long t, int dur, float rms) {
            require(BatchValidator.time(t), "t");
            require(BatchValidator.duration(dur), "dur");
            require(BatchValidator.rms(rms), "rms");
            return addUnchecked(t, dur, rms);
        }

        Builder addUnchecked(long t, int dur, float rms) {
            if (size == this.t.length) {
                int capacity = Math.max(16, size * 2);
                this.t = Arrays.copyOf(this.t, capacity);
                this.dur = Arrays.copyOf(this.dur, capacity);
                this.rms = Arrays.copyOf(this.rms, capacity);
            }
            this.t[size] = t;
            this.dur[size] = dur;
            this.rms[size] = rms;
            size++;
            return this;
        }

        public MotionWindows build() {
            MotionWindows built = new MotionWindows(this);
            t = new long[0];
            dur = new int[0];
            rms = new float[0];
            size = 0;
            return built;
        }
    }
}
