package dev.holdfast.collector;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import dev.holdfast.protocol.BleSighting;
import dev.holdfast.protocol.GpsFix;
import dev.holdfast.protocol.MotionWindow;

/**
 * The observations of the open interval, one line each, appended as they come so that a killed process loses at most
 * the lines not yet flushed. Replayed on start; emptied when the interval is sealed into a batch.
 */
final class Journal implements AutoCloseable {

    /** The observations read back from the file. */
    record Contents(List<GpsFix> gps, List<BleSighting> ble, List<MotionWindow> motion) {
    }

    private final Path file;
    private BufferedWriter out;

    Journal(Path file) throws IOException {
        this.file = file;
        this.out = open();
    }

    void gps(GpsFix f) throws IOException {
        write(String.format(Locale.ROOT, "G,%d,%s,%s,%s,%s,%s,%s", f.t(), f.lat(), f.lon(), f.acc(), opt(f.alt()),
                opt(f.speed()), opt(f.bearing())));
    }

    void ble(BleSighting s) throws IOException {
        write("B," + s.t() + "," + s.rssi() + "," + HexFormat.of().formatHex(s.adv()) + "," + (s.mac() == null ? "" : s.mac()));
    }

    void motion(MotionWindow m) throws IOException {
        write(String.format(Locale.ROOT, "M,%d,%d,%s", m.t(), m.dur(), m.rms()));
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Reads what is in the file; a torn last line (process killed mid-write) is skipped. */
    Contents read() throws IOException {
        out.flush();
        List<GpsFix> gps = new ArrayList<>();
        List<BleSighting> ble = new ArrayList<>();
        List<MotionWindow> motion = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] p = line.split(",", -1);
            try {
                switch (p[0]) {
                    case "G" -> gps.add(new GpsFix(Long.parseLong(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]),
                            Float.parseFloat(p[4]), p[5].isEmpty() ? null : Double.valueOf(p[5]),
                            p[6].isEmpty() ? null : Float.valueOf(p[6]), p[7].isEmpty() ? null : Float.valueOf(p[7])));
                    case "B" -> ble.add(new BleSighting(Long.parseLong(p[1]), Integer.parseInt(p[2]),
                            HexFormat.of().parseHex(p[3]), p[4].isEmpty() ? null : p[4]));
                    case "M" -> motion.add(new MotionWindow(Long.parseLong(p[1]), Integer.parseInt(p[2]),
                            Float.parseFloat(p[3])));
                    default -> { }
                }
            } catch (RuntimeException torn) {
                // an incomplete line written when the process died: skip it
            }
        }
        return new Contents(gps, ble, motion);
    }

    /** Empties the journal after its contents were sealed into a batch. */
    void clear() throws IOException {
        out.close();
        Files.writeString(file, "", StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.CREATE);
        out = open();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void write(String line) throws IOException {
        out.write(line);
        out.write('\n');
    }

    private BufferedWriter open() throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static String opt(Object o) {
        return o == null ? "" : o.toString();
    }
}
