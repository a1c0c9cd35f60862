package dev.holdfast.protocol;

import static dev.holdfast.protocol.BatchValidator.require;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The GPS fixes of a batch, stored column by column in primitive arrays. It is an immutable
 * {@code List<GpsFix>} (each {@link #get} builds a record); hot paths read the columns directly with
 * {@link #t(int)}, {@link #lat(int)} … without allocating. Absent optional values are {@code NaN}.
 */
public final class GpsFixes extends AbstractList<GpsFix> implements RandomAccess {

    private static final GpsFixes EMPTY = new Builder(0).build();

    private final int size;
    private final long[] t;
    private final double[] lat;
    private final double[] lon;
    private final float[] acc;
    private final double[] alt;
    private final float[] speed;
    private final float[] bearing;

    private GpsFixes(Builder b) {
        size = b.size;
        t = b.t;
        lat = b.lat;
        lon = b.lon;
        acc = b.acc;
        alt = b.alt;
        speed = b.speed;
        bearing = b.bearing;
    }

    public static GpsFixes empty() {
        return EMPTY;
    }

    /** The given fixes as columns (the same object if it already is one). */
    public static GpsFixes copyOf(List<GpsFix> fixes) {
        if (fixes instanceof GpsFixes columns) {
            return columns;
        }
        Builder b = new Builder(fixes.size());
        for (GpsFix f : fixes) {
            b.addUnchecked(f.t(), f.lat(), f.lon(), f.acc(), f.alt() == null ? Double.NaN : f.alt(),
                    f.speed() == null ? Float.NaN : f.speed(), f.bearing() == null ? Float.NaN : f.bearing());
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
    public GpsFix get(int i) {
        check(i);
        return new GpsFix(t[i], lat[i], lon[i], acc[i], Double.isNaN(alt[i]) ? null : alt[i],
                Float.isNaN(speed[i]) ? null : speed[i], Float.isNaN(bearing[i]) ? null : bearing[i]);
    }

    public long t(int i) {
        check(i);
        return t[i];
    }

    public double lat(int i) {
        check(i);
        return lat[i];
    }

    public double lon(int i) {
        check(i);
        return lon[i];
    }

    public float acc(int i) {
        check(i);
        return acc[i];
    }

    /** Altitude in metres, {@code NaN} if absent. */
    public double alt(int i) {
        check(i);
        return alt[i];
    }

    /** Speed in m/s, {@code NaN} if absent. */
    public float speed(int i) {
        check(i);
        return speed[i];
    }

    /** Bearing in degrees, {@code NaN} if absent. */
    public float bearing(int i) {
        check(i);
        return bearing[i];
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("index " + i + ", size " + size);
        }
    }

    /** Collects fixes; not thread-safe, use once. */
    public static final class Builder {

        private int size;
        private long[] t;
        private double[] lat;
        private double[] lon;
        private float[] acc;
        private double[] alt;
        private float[] speed;
        private float[] bearing;

        Builder(int capacity) {
            t = new long[capacity];
            lat = new double[capacity];
            lon = new double[capacity];
            acc = new float[capacity];
            alt = new double[capacity];
            speed = new float[capacity];
            bearing = new float[capacity];
        }

        /**
         * Adds a fix; pass {@code NaN} for an unknown altitude, speed or bearing.
         *
         * @throws IllegalArgumentException if a value breaks a rule of {@link BatchValidator}
         */
        public Builder add(long t, double lat, double lon, float acc, double alt, float speed, float bearing) {
            require(BatchValidator.time(t), "t");
            require(BatchValidator.lat(lat), "lat");
            require(BatchValidator.lon(lon), "lon");
            require(BatchValidator.accuracy(acc), "acc");
            if (!Double.isNaN(alt)) {
                require(BatchValidator.altitude(alt), "alt");
            }
            if (!Float.isNaN(speed)) {
                require(BatchValidator.speed(speed), "speed");
            }
            if (!Float.isNaN(bearing)) {
                require(BatchValidator.bearing(bearing), "bearing");
            }
            return addUnchecked(t, lat, lon, acc, alt, speed, bearing);
        }

        /** Adds values already validated (by the decoder or a record constructor). */
        Builder addUnchecked(long t, double lat, double lon, float acc, double alt, float speed, float bearing) {
            if (size == this.t.length) {
                grow();
            }
            this.t[size] = t;
            this.lat[size] = lat;
            this.lon[size] = lon;
            this.acc[size] = acc;
            this.alt[size] = alt;
            this.speed[size] = speed;
            this.bearing[size] = bearing;
            size++;
            return this;
        }

        int size() {
            return size;
        }

        private void grow() {
            int capacity = Math.max(16, size * 2);
            t = Arrays.copyOf(t, capacity);
            lat = Arrays.copyOf(lat, capacity);
            lon = Arrays.copyOf(lon, capacity);
            acc = Arrays.copyOf(acc, capacity);
            alt = Arrays.copyOf(alt, capacity);
            speed = Arrays.copyOf(speed, capacity);
            bearing = Arrays.copyOf(bearing, capacity);
        }

        public GpsFixes build() {
            GpsFixes built = new GpsFixes(this);
            t = new long[0]; // the arrays now belong to the built list
            lat = new double[0];
            lon = new double[0];
            acc = new float[0];
            alt = new double[0];
            speed = new float[0];
            bearing = new float[0];
            size = 0;
            return built;
        }
    }
}
