package dev.holdfast.protocol;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * An HCI "LE Advertising Report" event with one report, as Linux collectors (BlueZ HCI sockets,
 * ble_monitor) capture it: {@code 04 3E len 02 01 <event type> <address type> <address, 6 bytes
 * reversed> <data length> <advertising data> <rssi>}. {@link AdvertisementParser} unwraps it by itself.
 *
 * @param address the advertiser's address, {@code AA:BB:CC:DD:EE:FF}
 * @param rssi    dBm
 * @param data    the advertising data (AD structures)
 */
public record HciReport(int eventType, int addressType, String address, int rssi, byte[] data) {

    private static final int HEADER = 14;

    public HciReport {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The report, if {@code bytes} is exactly one such event; never throws. */
    public static Optional<HciReport> parse(byte[] bytes) {
        if (bytes == null || dataOffset(bytes, 0, bytes.length) < 0) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 12; i >= 7; i--) {
            address = address << 8 | bytes[i] & 0xff;
        }
        int length = bytes[13] & 0xff;
        return Optional.of(new HciReport(bytes[5] & 0xff, bytes[6] & 0xff, MacAddress.format(address),
                bytes[HEADER + length], Arrays.copyOfRange(bytes, HEADER, HEADER + length)));
    }

    /** Where the advertising data starts if {@code bytes[offset, offset + length)} is such an event, else -1. */
    static int dataOffset(byte[] bytes, int offset, int length) {
        if (length < HEADER + 1 || bytes[offset] != 0x04 || bytes[offset + 1] != 0x3E
                || (bytes[offset + 2] & 0xff) != length - 3 || bytes[offset + 3] != 0x02 || bytes[offset + 4] != 0x01
                || (bytes[offset + 13] & 0xff) + HEADER + 1 != length) {
            return -1;
        }
        return offset + HEADER;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HciReport r && eventType == r.eventType && addressType == r.addressType
                && address.equals(r.address) && rssi == r.rssi && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventType, addressType, address, rssi, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "HciReport[eventType=" + eventType + ", addressType=" + addressType + ", address=" + address
                + ", rssi=" + rssi + ", data=" + Hex.encode(data, 0, data.length) + "]";
    }
}
