package dev.holdfast.protocol;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one batch as compact JSON through a small buffer. Absent optional values are left out. */
final class BatchEncoder {

    private final OutputStream out;
    private final byte[] buf = new byte[8 * 1024];
    private int pos;

    BatchEncoder(OutputStream out) {
        this.out = out;
    }

    void write(Batch batch) throws IOException {
        ascii("{\"batchId\":\"");
        ascii(batch.batchId().toString());
        ascii("\",\"sentAt\":");
        integer(batch.sentAt());
        ascii(",\"gps\":[");
        GpsFixes gps = batch.gps();
        for (int i = 0; i < gps.size(); i++) {
            ascii(i == 0 ? "{\"t\":" : ",{\"t\":");
            integer(gps.t(i));
            ascii(",\"lat\":");
            ascii(Double.toString(gps.lat(i)));
            ascii(",\"lon\":");
            ascii(Double.toString(gps.lon(i)));
            ascii(",\"acc\":");
            ascii(Float.toString(gps.acc(i)));
            if (!Double.isNaN(gps.alt(i))) {
                ascii(",\"alt\":");
                ascii(Double.toString(gps.alt(i)));
            }
            if (!Float.isNaN(gps.speed(i))) {
                ascii(",\"speed\":");
                ascii(Float.toString(gps.speed(i)));
            }
            if (!Float.isNaN(gps.bearing(i))) {
                ascii(",\"bearing\":");
                ascii(Float.toString(gps.bearing(i)));
            }
            ascii("}");
        }
        ascii("],\"ble\":[");
        BleSightings ble = batch.ble();
        for (int i = 0; i < ble.size(); i++) {
            ascii(i == 0 ? "{\"t\":" : ",{\"t\":");
            integer(ble.t(i));
            ascii(",\"rssi\":");
            integer(ble.rssi(i));
            ascii(",\"adv\":\"");
            ascii(ble.advHex(i));
            ascii("\"");
            String mac = ble.mac(i);
            if (mac != null) {
                ascii(",\"mac\":\"");
                ascii(mac);
                ascii("\"");
            }
            ascii("}");
        }
        ascii("],\"motion\":[");
        MotionWindows motion = batch.motion();
        for (int i = 0; i < motion.size(); i++) {
            ascii(i == 0 ? "{\"t\":" : ",{\"t\":");
            integer(motion.t(i));
            ascii(",\"dur\":");
            integer(motion.dur(i));
            ascii(",\"rms\":");
            ascii(Float.toString(motion.rms(i)));
            ascii("}");
        }
        ascii("]}");
        out.write(buf, 0, pos);
        pos = 0;
        out.flush();
    }

    private void ascii(String s) throws IOException {
        int length = s.length();
        if (length > buf.length - pos) {
            out.write(buf, 0, pos);
            pos = 0;
            if (length > buf.length) {
                out.write(s.getBytes(ISO_8859_1));
                return;
            }
        }
        for (int i = 0; i < length; i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    private void integer(long value) throws IOException {
        if (buf.length - pos < 20) {
            out.write(buf, 0, pos);
            pos = 0;
        }
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            buf[pos++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = pos + digits - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        pos += digits;
    }
}
