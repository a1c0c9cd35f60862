package dev.holdfast.protocol;

import static dev.holdfast.protocol.BatchFormatException.Kind.INVALID;
import static dev.holdfast.protocol.BatchFormatException.Kind.SYNTAX;
import static dev.holdfast.protocol.BatchFormatException.Kind.TOO_LARGE;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Reads one batch document, byte by byte, straight into the column builders. One instance per document.
 * Works on UTF-8 bytes: every name and value the schema cares about is ASCII, so strings are only
 * decoded into characters for error messages. Numbers are converted without creating strings when they
 * fit the exact fast path (at most 18 significant digits, small exponent) and with the JDK's correctly
 * rounding parsers otherwise.
 */
final class BatchDecoder {

    private static final int MAX_DEPTH = 64;
    private static final String[] TOP = {"batchId", "sentAt", "gps", "ble", "motion"};
    private static final String[] GPS = {"t", "lat", "lon", "acc", "alt", "speed", "bearing"};
    private static final String[] BLE = {"t", "rssi", "adv", "mac"};
    private static final String[] MOTION = {"t", "dur", "rms"};
    private static final byte[][] TOP_BYTES = bytes(TOP);
    private static final byte[][] GPS_BYTES = bytes(GPS);
    private static final byte[][] BLE_BYTES = bytes(BLE);
    private static final byte[][] MOTION_BYTES = bytes(MOTION);
    /** The names with their closing quote and colon ({@code t":}), matched in place by the fast path of a key. */
    private static final byte[][] TOP_KEYS = keys(TOP);
    private static final byte[][] GPS_KEYS = keys(GPS);
    private static final byte[][] BLE_KEYS = keys(BLE);
    private static final byte[][] MOTION_KEYS = keys(MOTION);
    /** The first (up to) 8 bytes of each of those as a little-endian word, compared at once by the fast path. */
    private static final long[] TOP_WORDS = words(TOP_KEYS);
    private static final long[] GPS_WORDS = words(GPS_KEYS);
    private static final long[] BLE_WORDS = words(BLE_KEYS);
    private static final long[] MOTION_WORDS = words(MOTION_KEYS);

    private final @Nullable InputStream in; // null: the whole input is in buf
    private final byte[] buf;
    /** {@link #buf} read a little-endian word at a time. */
    private final ByteBuffer view;
    /** The fast path of BLE sightings, when the whole document is in {@link #buf}; else null. */
    private final @Nullable InPlaceSightings sightings;
    private int pos;
    private int lim;
    private long consumedBefore;
    private final long maxBytes;
    private final int maxObservations;
    private int observations;

    /** The last string (without quotes, escapes resolved, as UTF-8) or number text read. */
    private byte[] text = new byte[64];
    private int textLength;
    private final byte[] adv = new byte[InPlaceSightings.MAX_ADV];

    private final JsonNumber number = new JsonNumber();

    /** Where we are, for error paths: a top-level field, or an element of an array and one of its fields. */
    private @Nullable String topField;
    private boolean inArray;
    private int index;
    private @Nullable String elementField;

    BatchDecoder(InputStream in, BatchLimits limits) {
        this.in = in;
        this.buf = new byte[16 * 1024];
        this.view = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        this.sightings = null;
        this.maxBytes = limits.maxBytes();
        this.maxObservations = limits.maxObservations();
    }

    /** Reads {@code bytes[0, length)} where they lie (the caller does not change them meanwhile). */
    BatchDecoder(byte[] bytes, int length, BatchLimits limits) throws BatchFormatException {
        this.in = null;
        this.buf = bytes;
        this.view = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        this.sightings = new InPlaceSightings(buf, view);
        this.lim = length;
        this.maxBytes = limits.maxBytes();
        this.maxObservations = limits.maxObservations();
        if (length > maxBytes) {
            throw new BatchFormatException(TOO_LARGE, "$", "a batch may be at most " + maxBytes + " bytes");
        }
    }

    Batch decode() throws IOException, BatchFormatException {
        int c = peekToken();
        if (c == 0xEF) { // a UTF-8 byte order mark, which RFC 8259 lets a reader ignore
            literal("\u00EF\u00BB\u00BF");
            c = peekToken();
        }
        if (c != '{') {
            throw syntax(c == -1 ? "the body is empty" : "a batch must be a JSON object");
        }
        pos++;
        UUID batchId = null;
        long sentAt = 0;
        GpsFixes gps = GpsFixes.empty();
        BleSightings ble = BleSightings.empty();
        MotionWindows motion = MotionWindows.empty();
        int seen = 0;
        if (peekToken() != '}') {
            while (true) {
                int key = key(TOP, TOP_BYTES, TOP_KEYS, TOP_WORDS, Integer.bitCount(seen));
                seen = once(seen, key);
                switch (key) {
                    case 0 -> batchId = uuid();
                    case 1 -> {
                        sentAt = integer();
                        check(BatchValidator.time(sentAt));
                    }
                    case 2 -> gps = gps();
                    case 3 -> ble = ble();
                    case 4 -> motion = motion();
                    default -> skipValue(0);
                }
                topField = null;
                if (!nextMember()) {
                    break;
                }
            }
        }
        pos++;
        if (peekToken() != -1) {
            throw syntax("unexpected content after the batch object");
        }
        if (batchId == null) {
            throw required("batchId");
        }
        if ((seen & 2) == 0) {
            throw required("sentAt");
        }
        return new Batch(batchId, sentAt, gps, ble, motion);
    }

    private GpsFixes gps() throws IOException, BatchFormatException {
        GpsFixes.Builder b = new GpsFixes.Builder(16);
        if (!startArray()) {
            return GpsFixes.empty();
        }
        if (peekToken() != ']') {
            do {
                nextElement();
                long t = 0;
                double lat = 0;
                double lon = 0;
                float acc = 0;
                double alt = Double.NaN;
                float speed = Float.NaN;
                float bearing = Float.NaN;
                int seen = 0;
                if (startObject()) {
                    do {
                        int key = key(GPS, GPS_BYTES, GPS_KEYS, GPS_WORDS, Integer.bitCount(seen));
                        seen = once(seen, key);
                        switch (key) {
                            case 0 -> check(BatchValidator.time(t = integer()));
                            case 1 -> check(BatchValidator.lat(lat = decimal()));
                            case 2 -> check(BatchValidator.lon(lon = decimal()));
                            case 3 -> check(BatchValidator.accuracy(acc = decimalFloat()));
                            case 4 -> {
                                if (!isNull()) {
                                    check(BatchValidator.altitude(alt = decimal()));
                                }
                            }
                            case 5 -> {
                                if (!isNull()) {
                                    check(BatchValidator.speed(speed = decimalFloat()));
                                }
                            }
                            case 6 -> {
                                if (!isNull()) {
                                    check(BatchValidator.bearing(bearing = decimalFloat()));
                                }
                            }
                            default -> skipValue(0);
                        }
                    } while (nextMember());
                }
                pos++;
                requireAll(seen, 0b1111, GPS);
                b.addUnchecked(t, lat, lon, acc, alt, speed, bearing);
            } while (nextElementOrEnd());
        }
        endArray();
        return b.build();
    }

    private BleSightings ble() throws IOException, BatchFormatException {
        BleSightings.Builder b = new BleSightings.Builder(16);
        if (!startArray()) {
            return BleSightings.empty();
        }
        if (peekToken() != ']') {
            do {
                nextElement();
                if (sightings != null) {
                    int next = sightings.read(pos, lim, b);
                    if (next >= 0) {
                        pos = next;
                        continue;
                    }
                }
                long t = 0;
                int rssi = 0;
                int advId = -1;
                long mac = -1;
                int seen = 0;
                if (startObject()) {
                    do {
                        int key = key(BLE, BLE_BYTES, BLE_KEYS, BLE_WORDS, Integer.bitCount(seen));
                        seen = once(seen, key);
                        switch (key) {
                            case 0 -> check(BatchValidator.time(t = integer()));
                            case 1 -> {
                                long value = integer();
                                check(BatchValidator.rssi(value));
                                rssi = (int) value;
                            }
                            case 2 -> advId = adv(b);
                            case 3 -> {
                                if (!isNull()) {
                                    mac = macInPlace();
                                    if (mac < 0) {
                                        string("must be a string");
                                        mac = MacAddress.parse(text, 0, textLength);
                                        check(mac < 0 ? "must look like AA:BB:CC:DD:EE:FF" : null);
                                    }
                                }
                            }
                            default -> skipValue(0);
                        }
                    } while (nextMember());
                }
                pos++;
                requireAll(seen, 0b111, BLE);
                b.addUnchecked(t, rssi, advId, mac);
            } while (nextElementOrEnd());
        }
        endArray();
        return b.build();
    }

    /** A plain {@code "AA:BB:CC:DD:EE:FF"} within the read buffer, consumed; else -1, consuming nothing. */
    private long macInPlace() {
        int end = pos + 18;
        if (end < lim && buf[pos] == '"' && buf[end] == '"') {
            long mac = MacAddress.parse(buf, pos + 1, end);
            if (mac >= 0) {
                pos = end + 1;
                return mac;
            }
        }
        return -1;
    }

    /**
     * Reads the hex string of an advertisement and answers its index among the batch's distinct advertisements
     * ({@link BleSightings.Builder#intern}). When the whole document lies in the buffer, hex text seen before in it is
     * recognised where it lies (a tag repeats its advertisement) and not decoded again.
     */
    private int adv(BleSightings.Builder b) throws IOException, BatchFormatException {
        if (peekToken() == '"') { // fast path: hex pairs and the closing quote within the read buffer
            int from = pos + 1;
            if (sightings != null) { // the whole document is in buf, so text seen before is still there
                int end = sightings.quote(from, Math.min(lim, from + 2 * adv.length + 1));
                int id = end > from ? sightings.known(from, end) : -1;
                if (id >= 0) {
                    pos = end + 1;
                    return id;
                }
            }
            int p = from;
            int length = 0;
            while (p + 1 < lim && length < adv.length) {
                int value = Hex.pair(buf[p], buf[p + 1]);
                if (value < 0) {
                    break;
                }
                adv[length++] = (byte) value;
                p += 2;
            }
            if (p < lim && buf[p] == '"') {
                check(BatchValidator.advLength(length));
                pos = p + 1;
                int id = b.intern(adv, 0, length);
                if (sightings != null) {
                    sightings.remember(from, p, id);
                }
                return id;
            }
        }
        string("must be a string of hex digits");
        if (textLength % 2 != 0) {
            throw invalid("must be an even number of hex digits");
        }
        int length = textLength / 2;
        check(BatchValidator.advLength(length));
        for (int i = 0; i < length; i++) {
            int hi = Hex.digit(text[2 * i]);
            int lo = Hex.digit(text[2 * i + 1]);
            if ((hi | lo) < 0) {
                throw invalid("must be hex digits only");
            }
            adv[i] = (byte) (hi << 4 | lo);
        }
        return b.intern(adv, 0, length);
    }

    private MotionWindows motion() throws IOException, BatchFormatException {
        MotionWindows.Builder b = new MotionWindows.Builder(16);
        if (!startArray()) {
            return MotionWindows.empty();
        }
        if (peekToken() != ']') {
            do {
                nextElement();
                long t = 0;
                long dur = 0;
                float rms = 0;
                int seen = 0;
                if (startObject()) {
                    do {
                        int key = key(MOTION, MOTION_BYTES, MOTION_KEYS, MOTION_WORDS, Integer.bitCount(seen));
                        seen = once(seen, key);
                        switch (key) {
                            case 0 -> check(BatchValidator.time(t = integer()));
                            case 1 -> check(BatchValidator.duration(dur = integer()));
                            case 2 -> check(BatchValidator.rms(rms = decimalFloat()));
                            default -> skipValue(0);
                        }
                    } while (nextMember());
                }
                pos++;
                requireAll(seen, 0b111, MOTION);
                b.addUnchecked(t, (int) dur, rms);
            } while (nextElementOrEnd());
        }
        endArray();
        return b.build();
    }

    // ---- structure

    /** At an array value: false (consumed) for null, true (consumed '[') for an array. */
    private boolean startArray() throws IOException, BatchFormatException {
        if (isNull()) {
            return false;
        }
        if (peekToken() != '[') {
            throw typeError("must be an array");
        }
        pos++;
        inArray = true;
        index = -1;
        return true;
    }

    private void nextElement() throws BatchFormatException {
        index++;
        elementField = null;
        if (++observations > maxObservations) {
            throw new BatchFormatException(TOO_LARGE, path(), "a batch may hold at most " + maxObservations
                    + " observations (gps, ble and motion together)");
        }
    }

    private boolean nextElementOrEnd() throws IOException, BatchFormatException {
        elementField = null;
        int c = peekToken();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == ']') {
            return false;
        }
        throw syntax(c == -1 ? "unexpected end of input" : "expected ',' or ']' after an element");
    }

    private void endArray() {
        pos++; // the ']' seen by nextElementOrEnd or the caller
        inArray = false;
        elementField = null;
    }

    /** At an element: consumes '{'; true if a member follows, false if the object is empty (at '}'). */
    private boolean startObject() throws IOException, BatchFormatException {
        if (peekToken() != '{') {
            throw typeError("must be an object");
        }
        pos++;
        return peekToken() != '}';
    }

    /** After a member's value: true after consuming ',', false when at the closing '}' (not consumed). */
    private boolean nextMember() throws IOException, BatchFormatException {
        int c = peekToken();
        if (c == ',') {
            pos++;
            return true;
        }
        if (c == '}') {
            return false;
        }
        if (inArray) {
            elementField = null;
        } else {
            topField = null;
        }
        throw syntax(c == -1 ? "unexpected end of input" : "expected ',' or '}' after a value");
    }

    /**
     * Reads {@code "name":}, sets the path and answers the name's index in {@code names}, or -1. {@code hint} is the
     * index to try first (the members usually come in the order of {@code names}).
     */
    private int key(String[] names, byte[][] nameBytes, byte[][] keys, long[] words, int hint)
            throws IOException, BatchFormatException {
        if (inArray) {
            elementField = null;
        } else {
            topField = null;
        }
        if (peekToken() != '"') {
            throw syntax("expected a field name in double quotes");
        }
        int fast = keyInPlace(keys, words, hint);
        if (fast >= 0) {
            if (inArray) {
                elementField = names[fast];
            } else {
                topField = names[fast];
            }
            return fast;
        }
        pos++;
        stringBody(true);
        int key = -1;
        for (int k = 0; k < nameBytes.length; k++) {
            byte[] name = nameBytes[k];
            if (name.length == textLength && Arrays.equals(name, 0, name.length, text, 0, textLength)) {
                key = k;
                break;
            }
        }
        String field = key >= 0 ? names[key] : unknownName();
        if (inArray) {
            elementField = field;
        } else {
            topField = field;
        }
        if (peekToken() != ':') {
            throw syntax("expected ':' after the field name");
        }
        pos++;
        return key;
    }

    /**
     * The fast path of {@link #key}: at the opening quote, a known name written plainly and followed at once by the
     * colon, all within the read buffer, is matched where it lies (past the colon, answering its index); anything
     * else (escapes, white space, a name cut by the buffer's end, an unknown name) answers -1 and consumes nothing.
     */
    private int keyInPlace(byte[][] keys, long[] words, int hint) {
        int from = pos + 1;
        boolean wide = from + 8 <= lim; // the next 8 bytes compared as one word
        long word = wide ? view.getLong(from) : 0;
        for (int j = 0; j < keys.length; j++) {
            int k = hint + j < keys.length ? hint + j : hint + j - keys.length;
            byte[] key = keys[k];
            if (from + key.length > lim) {
                continue;
            }
            int i = 0;
            if (wide) {
                int n = Math.min(8, key.length);
                long mask = n == 8 ? -1L : (1L << (n << 3)) - 1;
                if ((word & mask) != words[k]) {
                    continue;
                }
                i = n;
            }
            while (i < key.length && buf[from + i] == key[i]) {
                i++;
            }
            if (i == key.length) {
                pos = from + key.length;
                return k;
            }
        }
        return -1;
    }

    /** An unknown field's name for a path: as is if it is a plain identifier, else quoted JSON-style. */
    private String unknownName() {
        String name = new String(text, 0, Math.min(textLength, 64), UTF_8);
        if (textLength > 64) {
            name += "…";
        }
        boolean plain = textLength > 0;
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                    || c == '…';
        }
        if (plain) {
            return name;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private int once(int seen, int key) throws BatchFormatException {
        if (key < 0) {
            return seen;
        }
        if ((seen & 1 << key) != 0) {
            throw invalid("appears twice");
        }
        return seen | 1 << key;
    }

    private void requireAll(int seen, int required, String[] names) throws BatchFormatException {
        int missing = required & ~seen;
        if (missing != 0) {
            elementField = names[Integer.numberOfTrailingZeros(missing)];
            throw invalid("is required");
        }
        elementField = null;
    }

    private void skipValue(int depth) throws IOException, BatchFormatException {
        if (depth > MAX_DEPTH) {
            throw syntax("nested more than " + MAX_DEPTH + " levels deep");
        }
        int c = peekToken();
        switch (c) {
            case '"' -> {
                pos++;
                stringBody(false);
            }
            case '{' -> {
                pos++;
                if (peekToken() == '}') {
                    pos++;
                    return;
                }
                while (true) {
                    if (peekToken() != '"') {
                        throw syntax("expected a field name in double quotes");
                    }
                    pos++;
                    stringBody(false);
                    if (peekToken() != ':') {
                        throw syntax("expected ':' after the field name");
                    }
                    pos++;
                    skipValue(depth + 1);
                    c = peekToken();
                    if (c == -1) {
                        throw syntax("unexpected end of input");
                    }
                    pos++;
                    if (c == '}') {
                        return;
                    }
                    if (c != ',') {
                        throw syntax("expected ',' or '}' after a value");
                    }
                }
            }
            case '[' -> {
                pos++;
                if (peekToken() == ']') {
                    pos++;
                    return;
                }
                while (true) {
                    skipValue(depth + 1);
                    c = peekToken();
                    if (c == -1) {
                        throw syntax("unexpected end of input");
                    }
                    pos++;
                    if (c == ']') {
                        return;
                    }
                    if (c != ',') {
                        throw syntax("expected ',' or ']' after an element");
                    }
                }
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            case -1 -> throw syntax("unexpected end of input");
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    readNumber();
                } else {
                    throw syntax("unexpected character '" + printable(c) + "'");
                }
            }
        }
    }

    private boolean isNull() throws IOException, BatchFormatException {
        if (peekToken() == 'n') {
            literal("null");
            return true;
        }
        return false;
    }

    private void literal(String word) throws IOException, BatchFormatException {
        for (int i = 0; i < word.length(); i++) {
            if (read() != word.charAt(i)) {
                throw syntax("malformed literal, expected " + (word.charAt(0) == '\u00EF' ? "JSON" : word));
            }
        }
        int c = peek();
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            throw syntax("malformed literal");
        }
    }

    // ---- values

    private UUID uuid() throws IOException, BatchFormatException {
        string("must be a UUID string");
        if (textLength == 36) {
            long msb = 0;
            long lsb = 0;
            boolean ok = true;
            int digits = 0;
            for (int i = 0; i < 36 && ok; i++) {
                byte b = text[i];
                if (i == 8 || i == 13 || i == 18 || i == 23) {
                    ok = b == '-';
                    continue;
                }
                int d = Hex.digit(b);
                ok = d >= 0;
                if (digits++ < 16) {
                    msb = msb << 4 | d;
                } else {
                    lsb = lsb << 4 | d;
                }
            }
            if (ok) {
                return new UUID(msb, lsb);
            }
        }
        throw invalid("must be a UUID like 5b0a3c1e-6c1f-4a53-9b59-0d7e8e4d2f11");
    }

    /** Reads a string value into {@link #text}. */
    private void string(String expectation) throws IOException, BatchFormatException {
        if (peekToken() != '"') {
            throw typeError(expectation);
        }
        pos++;
        stringBody(true);
    }

    /** After the opening quote: reads to the closing quote, keeping the content in {@link #text} if asked. */
    private void stringBody(boolean keep) throws IOException, BatchFormatException {
        textLength = 0;
        while (true) {
            if (pos == lim && !fill()) {
                throw syntax("unterminated string");
            }
            int start = pos;
            while (pos < lim) {
                byte b = buf[pos];
                if (b == '"' || b == '\\' || b >= 0 && b < 0x20) {
                    break;
                }
                pos++;
            }
            if (keep) {
                append(buf, start, pos - start);
            }
            if (pos == lim) {
                continue;
            }
            byte b = buf[pos++];
            if (b == '"') {
                return;
            }
            if (b != '\\') {
                throw syntax("control character in a string");
            }
            int code = escape();
            if (keep) {
                appendUtf8(code);
            }
        }
    }

    private int escape() throws IOException, BatchFormatException {
        int c = read();
        switch (c) {
            case '"', '\\', '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                int unit = hex4();
                if (Character.isHighSurrogate((char) unit) && peek() == '\\') {
                    pos++;
                    if (read() != 'u') {
                        throw syntax("malformed escape");
                    }
                    int low = hex4();
                    if (Character.isLowSurrogate((char) low)) {
                        return Character.toCodePoint((char) unit, (char) low);
                    }
                    throw syntax("malformed surrogate pair");
                }
                return unit;
            default:
                throw syntax("malformed escape");
        }
    }

    private int hex4() throws IOException, BatchFormatException {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int d = Hex.digit(read());
            if (d < 0) {
                throw syntax("malformed \\u escape");
            }
            value = value << 4 | d;
        }
        return value;
    }

    private void appendUtf8(int code) {
        if (code < 0x80) {
            appendByte(code);
        } else if (code < 0x800) {
            appendByte(0xC0 | code >> 6);
            appendByte(0x80 | code & 0x3F);
        } else if (code < 0x10000) {
            appendByte(0xE0 | code >> 12);
            appendByte(0x80 | code >> 6 & 0x3F);
            appendByte(0x80 | code & 0x3F);
        } else {
            appendByte(0xF0 | code >> 18);
            appendByte(0x80 | code >> 12 & 0x3F);
            appendByte(0x80 | code >> 6 & 0x3F);
            appendByte(0x80 | code & 0x3F);
        }
    }

    private long integer() throws IOException, BatchFormatException {
        int c = peekToken();
        if (c == '-' || c >= '0' && c <= '9') { // fast path: up to 18 digits ending within the read buffer
            int p = c == '-' ? pos + 1 : pos;
            int start = p;
            long value = 0;
            while (p < lim && p - start < 18 && buf[p] >= '0' && buf[p] <= '9') {
                value = value * 10 + buf[p++] - '0';
            }
            if (p < lim && p > start && (buf[start] != '0' || p == start + 1) && JsonNumber.endsNumber(buf[p])) {
                pos = p;
                return c == '-' ? -value : value;
            }
        }
        numberValue("must be an integer");
        if (!number.integral()) {
            throw syntax("must be an integer");
        }
        try {
            return number.toLong();
        } catch (NumberFormatException e) {
            throw invalid("is out of range");
        }
    }

    private double decimal() throws IOException, BatchFormatException {
        numberValue("must be a number");
        return number.toDouble();
    }

    private float decimalFloat() throws IOException, BatchFormatException {
        numberValue("must be a number");
        return number.toFloat();
    }

    private void numberValue(String expectation) throws IOException, BatchFormatException {
        int c = peekToken();
        if (c != '-' && (c < '0' || c > '9')) {
            throw typeError(expectation);
        }
        readNumber();
    }

    /**
     * Reads a JSON number into {@link #number}, parsing its characters where they lie in the read buffer; only a
     * number cut by the buffer's end is first copied into {@link #text}.
     */
    private void readNumber() throws IOException, BatchFormatException {
        int end = pos;
        while (end < lim && JsonNumber.isNumberChar(buf[end])) {
            end++;
        }
        boolean parsed;
        if (end < lim) {
            parsed = number.parse(buf, pos, end);
            pos = end;
        } else {
            textLength = 0;
            int c = peek();
            while (c >= 0 && JsonNumber.isNumberChar((byte) c)) {
                appendByte(c);
                pos++;
                c = peek();
            }
            parsed = number.parse(text, 0, textLength);
        }
        int c = peek();
        if (!parsed || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            throw malformedNumber();
        }
    }

    private BatchFormatException malformedNumber() {
        return new BatchFormatException(SYNTAX, path(), "malformed number");
    }

    // ---- bytes

    private int peek() throws IOException, BatchFormatException {
        if (pos == lim && !fill()) {
            return -1;
        }
        return buf[pos] & 0xff;
    }

    /** The next byte that is not JSON white space, not consumed; -1 at the end. */
    private int peekToken() throws IOException, BatchFormatException {
        while (true) {
            if (pos == lim && !fill()) {
                return -1;
            }
            byte b = buf[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b & 0xff;
            }
            pos++;
        }
    }

    private int read() throws IOException, BatchFormatException {
        if (pos == lim && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    private boolean fill() throws IOException, BatchFormatException {
        if (in == null) {
            return false; // pos == lim stays: every later read sees the end too
        }
        consumedBefore += lim;
        pos = 0;
        lim = 0;
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        lim = n;
        if (consumedBefore + n > maxBytes) {
            throw new BatchFormatException(TOO_LARGE, "$", "a batch may be at most " + maxBytes + " bytes");
        }
        return true;
    }

    private void append(byte[] source, int from, int length) {
        if (textLength + length > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + length));
        }
        System.arraycopy(source, from, text, textLength, length);
        textLength += length;
    }

    private void appendByte(int b) {
        if (textLength == text.length) {
            text = Arrays.copyOf(text, text.length * 2);
        }
        text[textLength++] = (byte) b;
    }

    // ---- errors

    private String path() {
        if (!inArray) {
            return topField == null ? "$" : topField;
        }
        String element = topField + "[" + index + "]";
        return elementField == null ? element : element + "." + elementField;
    }

    private void check(@Nullable String problem) throws BatchFormatException {
        if (problem != null) {
            throw invalid(problem);
        }
    }

    private BatchFormatException invalid(String reason) {
        return new BatchFormatException(INVALID, path(), reason);
    }

    private BatchFormatException required(String field) {
        return new BatchFormatException(INVALID, field, "is required");
    }

    private BatchFormatException syntax(String reason) {
        return new BatchFormatException(SYNTAX, path(), reason);
    }

    /** A value of the wrong JSON type: says what was expected and what came instead. */
    private BatchFormatException typeError(String expectation) throws IOException, BatchFormatException {
        int c = peekToken();
        String found = switch (c) {
            case '"' -> "a string";
            case '{' -> "an object";
            case '[' -> "an array";
            case 't', 'f' -> "a boolean";
            case 'n' -> "null";
            case -1 -> "the end of input";
            default -> c == '-' || c >= '0' && c <= '9' ? "a number" : "'" + printable(c) + "'";
        };
        return new BatchFormatException(SYNTAX, path(), expectation + ", not " + found);
    }

    private static String printable(int c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c);
    }

    private static byte[][] keys(String[] names) {
        byte[][] keys = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            keys[i] = (names[i] + "\":").getBytes(UTF_8);
        }
        return keys;
    }

    private static long[] words(byte[][] keys) {
        long[] words = new long[keys.length];
        for (int k = 0; k < keys.length; k++) {
            words[k] = InPlaceSightings.word(keys[k]);
        }
        return words;
    }

    private static byte[][] bytes(String[] names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].getBytes(ISO_8859_1);
        }
        return out;
    }
}
