package dev.holdfast.protocol;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A decoded beacon advertisement (see {@link AdvertisementParser}). Formats that identify a tag give its
 * canonical {@link #tagId()}; formats that advertise their transmit power give {@link #powerAt1m()}, the
 * RSSI expected at one metre, for {@link Distance}.
 */
public sealed interface Advertisement {

    /** The decoded formats; {@link #family()} is the name used by {@link BleFilter}. */
    enum Format {
        IBEACON, ALTBEACON, EDDYSTONE_UID, EDDYSTONE_URL, EDDYSTONE_TLM, EDDYSTONE_ETLM, EDDYSTONE_EID, URIBEACON;

        /** {@code ibeacon}, {@code altbeacon}, {@code eddystone} (every Eddystone frame) or {@code uribeacon}. */
        public String family() {
            String name = name().toLowerCase(Locale.ROOT);
            int underscore = name.indexOf('_');
            return underscore < 0 ? name : name.substring(0, underscore);
        }
    }

    /** Eddystone and UriBeacon advertise their power at 0 m; it is 41 dB stronger than at 1 m. */
    int EDDYSTONE_0M_TO_1M_DB = 41;

    Format format();

    /** The canonical id of the tag, for formats that carry one (iBeacon, AltBeacon, Eddystone-UID). */
    default Optional<TagId> tagId() {
        return Optional.empty();
    }

    /** The RSSI expected at 1 m, dBm, for formats that advertise their power. */
    default OptionalInt powerAt1m() {
        return OptionalInt.empty();
    }

    /**
     * Apple iBeacon.
     *
     * @param measuredPower RSSI at 1 m, dBm
     */
    record IBeacon(UUID uuid, int major, int minor, int measuredPower) implements Advertisement {
        @Override
        public Format format() {
            return Format.IBEACON;
        }

        @Override
        public Optional<TagId> tagId() {
            return Optional.of(TagId.ibeacon(uuid, major, minor));
        }

        @Override
        public OptionalInt powerAt1m() {
            return OptionalInt.of(measuredPower);
        }
    }

    /**
     * AltBeacon (or a beacon in its layout with another beacon code, see
     * {@link AdvertisementParser#withBeaconCodes}).
     *
     * @param manufacturer  Bluetooth SIG company id
     * @param beaconCode    0xBEAC for AltBeacon
     * @param id1           first 16 bytes of the beacon id
     * @param id2           next 2 bytes
     * @param id3           last 2 bytes
     * @param referenceRssi RSSI at 1 m, dBm
     * @param mfgReserved   the manufacturer's byte; 0 if the advertisement leaves it out
     */
    record AltBeacon(int manufacturer, int beaconCode, UUID id1, int id2, int id3, int referenceRssi,
            int mfgReserved) implements Advertisement {
        @Override
        public Format format() {
            return Format.ALTBEACON;
        }

        @Override
        public Optional<TagId> tagId() {
            return Optional.of(TagId.altbeacon(id1, id2, id3));
        }

        @Override
        public OptionalInt powerAt1m() {
            return OptionalInt.of(referenceRssi);
        }
    }

    /**
     * Eddystone-UID.
     *
     * @param namespace   10 bytes as 20 lower-case hex digits
     * @param instance    6 bytes as 12 lower-case hex digits
     * @param txPowerAt0m calibrated power at 0 m, dBm
     */
    record EddystoneUid(String namespace, String instance, int txPowerAt0m) implements Advertisement {
        @Override
        public Format format() {
            return Format.EDDYSTONE_UID;
        }

        @Override
        public Optional<TagId> tagId() {
            return Optional.of(TagId.eddystone(namespace, instance));
        }

        @Override
        public OptionalInt powerAt1m() {
            return OptionalInt.of(txPowerAt0m - EDDYSTONE_0M_TO_1M_DB);
        }
    }

    /** Eddystone-URL: a web address, no tag id. */
    record EddystoneUrl(String url, int txPowerAt0m) implements Advertisement {
        @Override
        public Format format() {
            return Format.EDDYSTONE_URL;
        }

        @Override
        public OptionalInt powerAt1m() {
            return OptionalInt.of(txPowerAt0m - EDDYSTONE_0M_TO_1M_DB);
        }
    }

    /**
     * Eddystone-TLM, unencrypted: the beacon's telemetry. The values follow the version 0 layout; a frame
     * with another version byte is decoded in the same layout (as the AltBeacon library does) and says so
     * in {@link #version()}.
     *
     * @param batteryMillivolts 0 if the beacon does not report it
     * @param temperatureRaw    signed 8.8 fixed point as sent, 0x8000 if not reported
     * @param advCount          advertisements sent since power-up
     * @param secCount          time since power-up in 0.1 s units
     */
    record EddystoneTlm(int version, int batteryMillivolts, int temperatureRaw, long advCount, long secCount)
            implements Advertisement {
        @Override
        public Format format() {
            return Format.EDDYSTONE_TLM;
        }

        public OptionalInt battery() {
            return batteryMillivolts == 0 ? OptionalInt.empty() : OptionalInt.of(batteryMillivolts);
        }

        public OptionalDouble temperatureCelsius() {
            return temperatureRaw == 0x8000 ? OptionalDouble.empty()
                    : OptionalDouble.of((short) temperatureRaw / 256.0);
        }

        public double uptimeSeconds() {
            return secCount / 10.0;
        }
    }

    /** Eddystone-TLM, encrypted (ETLM): readable only with the beacon's identity key. */
    record EddystoneEncryptedTlm(String ciphertext, int salt, int mic) implements Advertisement {
        @Override
        public Format format() {
            return Format.EDDYSTONE_ETLM;
        }
    }

    /**
     * Eddystone-EID: an ephemeral id that only the beacon's resolver can map to a beacon, so no tag id.
     *
     * @param eid 8 bytes as 16 lower-case hex digits
     */
    record EddystoneEid(String eid, int txPowerAt0m) implements Advertisement {
        @Override
        public Format format() {
            return Format.EDDYSTONE_EID;
        }

        @Override
        public OptionalInt powerAt1m() {
            return OptionalInt.of(txPowerAt0m - EDDYSTONE_0M_TO_1M_DB);
        }
    }

    /** UriBeacon (service 0xFED8), the predecessor of Eddystone-URL: a web address, no tag id. */
    record UriBeacon(int flags, String url, int txPowerAt0m) implements Advertisement {
        @Override
        public Format format() {
            return Format.URIBEACON;
        }

        @Override
        public OptionalInt powerAt1m() {
            return OptionalInt.of(txPowerAt0m - EDDYSTONE_0M_TO_1M_DB);
        }
    }
}
