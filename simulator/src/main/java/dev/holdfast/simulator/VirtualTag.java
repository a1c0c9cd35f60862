package dev.holdfast.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import dev.holdfast.protocol.Advertisement;
import dev.holdfast.protocol.TagId;

/**
 * One BLE tag on a simulated asset: its canonical id, the advertisement it sends, its (static random) Bluetooth
 * address and where it lies, in metres from the centre.
 *
 * @param powerAt1m the RSSI expected at 1 m, as the advertisement announces it
 */
record VirtualTag(TagId id, byte[] adv, String mac, int powerAt1m, double east, double north) {

    /**
     * {@code count} tags, iBeacon, AltBeacon and Eddystone-UID in turn, with ids unique to this run (a random
     * proximity UUID / AltBeacon id / Eddystone namespace per run, the tag's number as minor / id3 / instance), at
     * the positions given.
     */
    static List<VirtualTag> generate(int count, Random random, List<double[]> positions) {
        UUID ibeaconUuid = randomUuid(random);
        UUID altbeaconId = randomUuid(random);
        byte[] namespace = new byte[10];
        random.nextBytes(namespace);
        int firstMajor = random.nextInt(65536);
        List<VirtualTag> tags = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[] at = positions.get(i);
            int major = (firstMajor + i / 65536) % 65536; // minor (or id3, instance) is the tag's number
            byte[] adv = switch (i % 3) {
                case 0 -> Advertisements.ibeacon(Advertisements.FLAGS, ibeaconUuid, major, i % 65536, -59);
                case 1 -> Advertisements.altbeacon(Advertisements.FLAGS, Advertisements.RADIUS_NETWORKS, altbeaconId,
                        major, i % 65536, -60, 0);
                default -> {
                    byte[] instance = new byte[6];
                    for (int k = 0; k < 4; k++) {
                        instance[5 - k] = (byte) (i >>> (8 * k));
                    }
                    yield Advertisements.eddystoneUid(Advertisements.FLAGS, namespace, instance, -18);
                }
            };
            Advertisement decoded = dev.holdfast.protocol.AdvertisementParser.parse(adv).orElseThrow();
            tags.add(new VirtualTag(decoded.tagId().orElseThrow(), adv, randomStaticMac(random),
                    decoded.powerAt1m().orElseThrow(), at[0], at[1]));
        }
        return tags;
    }

    static UUID randomUuid(Random random) {
        return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
    }

    /** A static random device address: the two top bits set, as the Bluetooth specification requires. */
    static String randomStaticMac(Random random) {
        StringBuilder mac = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            int octet = random.nextInt(256);
            if (i == 0) {
                octet |= 0xc0;
            }
            mac.append(i == 0 ? "" : ":").append(String.format(Locale.ROOT, "%02X", octet));
        }
        return mac.toString();
    }

    double distanceTo(double e, double n) {
        return Math.hypot(e - east, n - north);
    }
}
