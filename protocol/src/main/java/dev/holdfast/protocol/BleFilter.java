package dev.holdfast.protocol;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which advertisements a collector keeps and uploads (phones and headphones advertise too, and must not
 * be uploaded). The server sends it at enrolment; a record of sets of strings so that any JSON mapper can
 * carry it: {@code {"families":["ibeacon","altbeacon","eddystone"],"ibeaconUuids":[…],
 * "eddystoneNamespaces":[…],"macs":[…]}}.
 *
 * <ul>
 *   <li>{@code families}: {@code ibeacon}, {@code altbeacon}, {@code eddystone}, {@code uribeacon}
 *       (see {@link Advertisement.Format#family()}). Missing (null) means the three tag families.</li>
 *   <li>{@code ibeaconUuids}: if not empty, only iBeacons with one of these proximity UUIDs.</li>
 *   <li>{@code eddystoneNamespaces}: if not empty, only Eddystone-UID frames with one of these namespaces
 *       (20 hex digits); other Eddystone frames (URL, TLM, EID) carry no namespace and are then dropped.</li>
 *   <li>{@code macs}: advertisers kept whatever they send, by address ({@code mac:} tags).</li>
 * </ul>
 * Values are normalised (lower case); a malformed value throws {@link IllegalArgumentException}.
 */
public record BleFilter(Set<String> families, Set<String> ibeaconUuids, Set<String> eddystoneNamespaces,
        Set<String> macs) {

    private static final Set<String> FAMILIES = Set.of("ibeacon", "altbeacon", "eddystone", "uribeacon");
    private static final Set<String> TAG_FAMILIES = Set.of("ibeacon", "altbeacon", "eddystone");

    /** Every iBeacon, AltBeacon and Eddystone advertisement. */
    public static final BleFilter TAG_BEACONS = new BleFilter(TAG_FAMILIES, Set.of(), Set.of(), Set.of());

    public BleFilter(@Nullable Set<String> families, @Nullable Set<String> ibeaconUuids,
            @Nullable Set<String> eddystoneNamespaces, @Nullable Set<String> macs) {
        this.families = normalised(families == null ? TAG_FAMILIES : families, "family", value -> {
            if (!FAMILIES.contains(value)) {
                throw new IllegalArgumentException("unknown BLE family '" + value + "'; expected one of "
                        + new TreeSet<>(FAMILIES));
            }
            return value;
        });
        this.ibeaconUuids = normalised(ibeaconUuids, "iBeacon UUID", value -> {
            if (value.length() != 36 || !UUID.fromString(value).toString().equals(value)) {
                throw new IllegalArgumentException();
            }
            return value;
        });
        this.eddystoneNamespaces = normalised(eddystoneNamespaces, "Eddystone namespace", value -> {
            if (!value.matches("[0-9a-f]{20}")) {
                throw new IllegalArgumentException();
            }
            return value;
        });
        this.macs = normalised(macs, "address", value -> TagId.mac(value).value());
    }

    /** Whether to keep this advertisement; the advertiser's address is unknown. */
    public boolean keep(byte[] adv) {
        return keep(adv, null);
    }

    /** Whether to keep this advertisement from the advertiser with this address ({@code AA:BB:…}, or null). */
    public boolean keep(byte[] adv, @Nullable String mac) {
        if (mac != null && !macs.isEmpty() && macs.contains(mac.toLowerCase(Locale.ROOT).replace('-', ':'))) {
            return true;
        }
        Optional<Advertisement> decoded = AdvertisementParser.parse(adv);
        return decoded.isPresent() && keep(decoded.get());
    }

    /** Whether to keep an advertisement already decoded. */
    public boolean keep(Advertisement advertisement) {
        if (!families.contains(advertisement.format().family())) {
            return false;
        }
        if (advertisement instanceof Advertisement.IBeacon beacon) {
            return ibeaconUuids.isEmpty() || ibeaconUuids.contains(beacon.uuid().toString());
        }
        if (advertisement.format().family().equals("eddystone") && !eddystoneNamespaces.isEmpty()) {
            return advertisement instanceof Advertisement.EddystoneUid uid
                    && eddystoneNamespaces.contains(uid.namespace());
        }
        return true;
    }

    private interface Check {
        String apply(String value);
    }

    private static Set<String> normalised(@Nullable Set<String> values, String what, Check check) {
        if (values == null) {
            return Set.of();
        }
        TreeSet<String> out = new TreeSet<>();
        for (String value : values) {
            String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            try {
                out.add(check.apply(v));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() != null && e.getMessage().startsWith("unknown")
                        ? e.getMessage() : "not a valid " + what + ": '" + value + "'", e);
            }
        }
        return java.util.Collections.unmodifiableSet(out);
    }
}
