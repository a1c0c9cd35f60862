package dev.holdfast.protocol;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A canonical tag id: how Holdfast names one physical tag, whatever family it belongs to.
 *
 * <ul>
 *   <li>{@code ibeacon:<uuid>:<major>:<minor>}</li>
 *   <li>{@code altbeacon:<first 16 id bytes as uuid>:<int>:<int>}</li>
 *   <li>{@code eddystone:<namespace, 20 hex>:<instance, 12 hex>}</li>
 *   <li>{@code mac:<aa:bb:cc:dd:ee:ff>}</li>
 *   <li>{@code osmand:<trackerId>} — a GPS tracker speaking the OsmAnd protocol</li>
 * </ul>
 * Hex digits and family names are lower case; an OsmAnd tracker id is kept as the tracker sends it.
 */
public record TagId(Family family, String value) {

    /** The tag families Holdfast understands. */
    public enum Family {
        IBEACON, ALTBEACON, EDDYSTONE, MAC, OSMAND;

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern BEACON = Pattern.compile(UUID + ":(\\d{1,5}):(\\d{1,5})");
    private static final Pattern EDDYSTONE = Pattern.compile("[0-9a-f]{20}:[0-9a-f]{12}");
    private static final Pattern MAC = Pattern.compile("[0-9a-f]{2}(:[0-9a-f]{2}){5}");
    private static final Pattern TRACKER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public TagId {
        if (family == null || value == null) {
            throw new IllegalArgumentException("tag id needs a family and a value");
        }
    }

    /**
     * Parses and normalises a tag id.
     *
     * @throws IllegalArgumentException with a message a user can act on
     */
    public static TagId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("tag id is empty");
        }
        String trimmed = text.trim();
        int colon = trimmed.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("tag id must start with a family: ibeacon:, altbeacon:, eddystone:, mac: or osmand:");
        }
        String prefix = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = trimmed.substring(colon + 1);
        Family family;
        try {
            family = Family.valueOf(prefix.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown tag family '" + prefix
                    + "'; expected ibeacon, altbeacon, eddystone, mac or osmand");
        }
        return switch (family) {
            case IBEACON, ALTBEACON -> beacon(family, rest.toLowerCase(Locale.ROOT));
            case EDDYSTONE -> matching(family, rest.toLowerCase(Locale.ROOT), EDDYSTONE,
                    "<namespace: 20 hex digits>:<instance: 12 hex digits>");
            case MAC -> matching(family, rest.toLowerCase(Locale.ROOT).replace('-', ':'), MAC, "aa:bb:cc:dd:ee:ff");
            case OSMAND -> matching(family, rest, TRACKER, "1 to 64 letters, digits, '.', '_' or '-'");
        };
    }

    private static TagId beacon(Family family, String rest) {
        var m = BEACON.matcher(rest);
        if (!m.matches()) {
            throw new IllegalArgumentException(family.prefix() + " tag id must be " + family.prefix()
                    + ":<uuid 8-4-4-4-12>:<major>:<minor>");
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major > 65535 || minor > 65535) {
            throw new IllegalArgumentException(family.prefix() + " major and minor must be 0 to 65535");
        }
        String uuid = rest.substring(0, 36);
        return new TagId(family, uuid + ":" + major + ":" + minor);
    }

    private static TagId matching(Family family, String rest, Pattern pattern, String expected) {
        if (!pattern.matcher(rest).matches()) {
            throw new IllegalArgumentException(family.prefix() + " tag id must be " + family.prefix() + ":" + expected);
        }
        return new TagId(family, rest);
    }

    /** The id of an iBeacon: its proximity UUID, major and minor. */
    public static TagId ibeacon(java.util.UUID uuid, int major, int minor) {
        return new TagId(Family.IBEACON, beaconValue(uuid, major, minor));
    }

    /** The id of an AltBeacon: the first 16 id bytes as a UUID, the next two and the last two as unsigned ints. */
    public static TagId altbeacon(java.util.UUID id1, int id2, int id3) {
        return new TagId(Family.ALTBEACON, beaconValue(id1, id2, id3));
    }

    /** The id of an Eddystone-UID beacon from its namespace (20 hex digits) and instance (12 hex digits). */
    public static TagId eddystone(String namespace, String instance) {
        return matching(Family.EDDYSTONE, (namespace + ":" + instance).toLowerCase(Locale.ROOT), EDDYSTONE,
                "<namespace: 20 hex digits>:<instance: 12 hex digits>");
    }

    /** The id of a tag known only by its Bluetooth address, e.g. {@code C3:11:0A:5F:22:9B}. */
    public static TagId mac(String address) {
        return matching(Family.MAC, address.toLowerCase(Locale.ROOT).replace('-', ':'), MAC, "aa:bb:cc:dd:ee:ff");
    }

    private static String beaconValue(java.util.UUID uuid, int major, int minor) {
        if (major < 0 || major > 65535 || minor < 0 || minor > 65535) {
            throw new IllegalArgumentException("major and minor must be 0 to 65535");
        }
        return uuid + ":" + major + ":" + minor;
    }

    /** The canonical text form, e.g. {@code ibeacon:e2c56db5-dffb-48d2-b060-d0f5a71096e0:100:0}. */
    @Override
    public String toString() {
        return family.prefix() + ":" + value;
    }
}
