package dev.holdfast.protocol;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Decodes BLE scan records: iBeacon, AltBeacon, Eddystone UID / URL / TLM (plain and encrypted) / EID and
 * UriBeacon. Byte layouts: {@code /work/shared/fixtures/ble-layouts.md}; real records in the tests.
 *
 * <p>Walks the AD structures by their length bytes and answers the first structure that is a known
 * format. Copes with what real records do: zero padding (Android pads scan records to 62 bytes; a 0
 * length byte ends the walk), length bytes that claim more than is there (the structure is cut to what
 * is present and decoded if the format's fields are there), bytes after the last structure, and a whole
 * {@link HciReport} event instead of a bare scan record. Never throws on any input; what it cannot decode
 * gives {@link Optional#empty()}.
 */
public final class AdvertisementParser {

    private static final AdvertisementParser STANDARD = new AdvertisementParser(new int[0]);
    private static final int APPLE = 0x004C;
    private static final int ALTBEACON_CODE = 0xBEAC;
    private static final int EDDYSTONE_SERVICE = 0xFEAA;
    private static final int URIBEACON_SERVICE = 0xFED8;
    private static final String[] EDDYSTONE_SCHEMES = {"http://www.", "https://www.", "http://", "https://"};
    private static final String[] URIBEACON_SCHEMES = {"http://www.", "https://www.", "http://", "https://",
        "urn:uuid:"};
    private static final String[] EXPANSIONS = {".com/", ".org/", ".edu/", ".net/", ".info/", ".biz/", ".gov/",
        ".com", ".org", ".edu", ".net", ".info", ".biz", ".gov"};

    private final int[] beaconCodes;

    private AdvertisementParser(int[] extraBeaconCodes) {
        this.beaconCodes = extraBeaconCodes;
    }

    /**
     * A parser that also accepts beacons in the AltBeacon layout with other beacon codes (some vendors use
     * their own); they decode as {@link Advertisement.AltBeacon} with that {@code beaconCode}.
     */
    public static AdvertisementParser withBeaconCodes(int... codes) {
        return new AdvertisementParser(codes.clone());
    }

    /** Decodes a scan record (or HCI advertising report) with the standard formats. */
    public static Optional<Advertisement> parse(byte @Nullable [] scanRecord) {
        return scanRecord == null ? Optional.empty() : STANDARD.read(scanRecord, 0, scanRecord.length);
    }

    /** Decodes {@code bytes[offset, offset + length)} with the standard formats. */
    public static Optional<Advertisement> parse(byte[] bytes, int offset, int length) {
        return STANDARD.read(bytes, offset, length);
    }

    /** Decodes a scan record (or HCI advertising report). */
    public Optional<Advertisement> read(byte @Nullable [] scanRecord) {
        return scanRecord == null ? Optional.empty() : read(scanRecord, 0, scanRecord.length);
    }

    /** Decodes {@code bytes[offset, offset + length)}; empty if the range is not inside the array. */
    public Optional<Advertisement> read(byte[] bytes, int offset, int length) {
        if (bytes == null || offset < 0 || length < 0 || offset > bytes.length - length) {
            return Optional.empty();
        }
        int start = offset;
        int end = offset + length;
        int hci = HciReport.dataOffset(bytes, offset, length);
        if (hci >= 0) {
            start = hci;
            end = offset + length - 1; // the RSSI byte
        }
        for (int i = start; i + 1 < end; ) {
            int adLength = bytes[i] & 0xff;
            if (adLength == 0) {
                break;
            }
            Advertisement found = structure(bytes[i + 1] & 0xff, bytes, i + 2, Math.min(i + 1 + adLength, end));
            if (found != null) {
                return Optional.of(found);
            }
            i += 1 + adLength;
        }
        return Optional.empty();
    }

    private @Nullable Advertisement structure(int type, byte[] b, int from, int to) {
        int n = to - from;
        if (type == 0xFF && n >= 4) {
            int company = u16le(b, from);
            int code = u16(b, from + 2);
            if (company == APPLE && code == 0x0215 && n >= 25) {
                return new Advertisement.IBeacon(uuid(b, from + 4), u16(b, from + 20), u16(b, from + 22),
                        b[from + 24]);
            }
            if ((code == ALTBEACON_CODE || isExtraCode(code)) && n >= 25) {
                return new Advertisement.AltBeacon(company, code, uuid(b, from + 4), u16(b, from + 20),
                        u16(b, from + 22), b[from + 24], n >= 26 ? b[from + 25] & 0xff : 0);
            }
        } else if (type == 0x16 && n >= 2) {
            int service = u16le(b, from);
            if (service == EDDYSTONE_SERVICE) {
                return eddystone(b, from + 2, to);
            }
            if (service == URIBEACON_SERVICE && n >= 5) {
                String url = url(URIBEACON_SCHEMES, b, from + 4, to);
                return url == null ? null : new Advertisement.UriBeacon(b[from + 2] & 0xff, url, b[from + 3]);
            }
        }
        return null;
    }

    private static @Nullable Advertisement eddystone(byte[] b, int f, int to) {
        int n = to - f;
        if (n < 2) {
            return null;
        }
        switch (b[f] & 0xf0) {
            case 0x00:
                return n < 18 ? null : new Advertisement.EddystoneUid(Hex.encode(b, f + 2, 10),
                        Hex.encode(b, f + 12, 6), b[f + 1]);
            case 0x10:
                String url = n < 4 ? null : url(EDDYSTONE_SCHEMES, b, f + 2, to);
                return url == null ? null : new Advertisement.EddystoneUrl(url, b[f + 1]);
            case 0x20:
                int version = b[f + 1] & 0xff;
                if (version == 1 && n >= 18) {
                    return new Advertisement.EddystoneEncryptedTlm(Hex.encode(b, f + 2, 12), u16(b, f + 14),
                            u16(b, f + 16));
                }
                return n < 14 ? null : new Advertisement.EddystoneTlm(version, u16(b, f + 2), u16(b, f + 4),
                        u32(b, f + 6), u32(b, f + 10));
            case 0x30:
                return n < 10 ? null : new Advertisement.EddystoneEid(Hex.encode(b, f + 2, 8), b[f + 1]);
            default:
                return null;
        }
    }

    /** Scheme byte at {@code from}, then encoded text; null if the scheme or a byte is not allowed. */
    private static @Nullable String url(String[] schemes, byte[] b, int from, int to) {
        int scheme = b[from] & 0xff;
        if (scheme >= schemes.length || to - from < 2) {
            return null;
        }
        StringBuilder url = new StringBuilder(schemes[scheme]);
        for (int i = from + 1; i < to; i++) {
            int c = b[i] & 0xff;
            if (c < EXPANSIONS.length) {
                url.append(EXPANSIONS[c]);
            } else if (c > 0x20 && c < 0x7f) {
                url.append((char) c);
            } else {
                return null;
            }
        }
        return url.toString();
    }

    private boolean isExtraCode(int code) {
        for (int c : beaconCodes) {
            if (c == code) {
                return true;
            }
        }
        return false;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }

    private static int u16le(byte[] b, int at) {
        return b[at] & 0xff | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    private static UUID uuid(byte[] b, int at) {
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = msb << 8 | b[at + i] & 0xff;
            lsb = lsb << 8 | b[at + 8 + i] & 0xff;
        }
        return new UUID(msb, lsb);
    }

    @Override
    public String toString() {
        return "AdvertisementParser[extra beacon codes " + Arrays.toString(beaconCodes) + "]";
    }
}
