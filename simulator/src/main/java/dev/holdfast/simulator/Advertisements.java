package dev.holdfast.simulator;

import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * Byte-correct legacy BLE advertisements (scan records, at most 31 bytes) as beacons send them, in the layouts of
 * {@code /work/shared/fixtures/ble-layouts.md}: a flags structure, then the beacon's structure. They decode with
 * {@link dev.holdfast.protocol.AdvertisementParser} to the tag id they were made from.
 */
final class Advertisements {

    /** LE General Discoverable, BR/EDR not supported: what most beacons advertise. */
    static final int FLAGS = 0x06;
    static final int RADIUS_NETWORKS = 0x0118;

    private Advertisements() {
    }

    /** Apple iBeacon: company 0x004C, type 0x02, length 0x15, proximity UUID, major, minor, measured power at 1 m. */
    static byte[] ibeacon(int flags, UUID uuid, int major, int minor, int measuredPower) {
        ByteBuffer b = ByteBuffer.allocate(30);
        b.put(new byte[] {2, 0x01, (byte) flags, 0x1a, (byte) 0xff, 0x4c, 0x00, 0x02, 0x15});
        b.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        b.putShort((short) major).putShort((short) minor).put((byte) measuredPower);
        return b.array();
    }

    /**
     * AltBeacon: company id (little-endian), beacon code 0xBEAC, 20 id bytes (16 + 2 + 2), reference RSSI at 1 m,
     * the manufacturer's reserved byte.
     */
    static byte[] altbeacon(int flags, int manufacturer, UUID id1, int id2, int id3, int referenceRssi,
            int mfgReserved) {
        ByteBuffer b = ByteBuffer.allocate(31);
        b.put(new byte[] {2, 0x01, (byte) flags, 0x1b, (byte) 0xff, (byte) manufacturer, (byte) (manufacturer >> 8),
            (byte) 0xbe, (byte) 0xac});
        b.putLong(id1.getMostSignificantBits()).putLong(id1.getLeastSignificantBits());
        b.putShort((short) id2).putShort((short) id3).put((byte) referenceRssi).put((byte) mfgReserved);
        return b.array();
    }

    /**
     * Eddystone-UID: complete list of 16-bit service UUIDs (0xFEAA), then service data 0xFEAA with frame type 0x00,
     * calibrated power at 0 m, 10-byte namespace, 6-byte instance and two reserved bytes.
     */
    static byte[] eddystoneUid(int flags, byte[] namespace, byte[] instance, int txPowerAt0m) {
        if (namespace.length != 10 || instance.length != 6) {
            throw new IllegalArgumentException("an Eddystone-UID has a 10-byte namespace and a 6-byte instance");
        }
        ByteBuffer b = ByteBuffer.allocate(31);
        b.put(new byte[] {2, 0x01, (byte) flags, 0x03, 0x03, (byte) 0xaa, (byte) 0xfe,
            0x17, 0x16, (byte) 0xaa, (byte) 0xfe, 0x00, (byte) txPowerAt0m});
        b.put(namespace).put(instance).put((byte) 0).put((byte) 0);
        return b.array();
    }
}
