package dev.holdfast.protocol;

import static dev.holdfast.protocol.BatchValidator.require;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One received BLE advertisement.
 *
 * @param t    epoch milliseconds, device clock
 * @param rssi received signal strength, dBm
 * @param adv  the raw advertisement (scan record) as received; hex in JSON
 * @param mac  the advertiser's address as {@code AA:BB:CC:DD:EE:FF}, if the device reports it
 * @throws IllegalArgumentException if a value breaks a rule of {@link BatchValidator}
 */
public record BleSighting(long t, int rssi, byte[] adv, @Nullable String mac) {

    public BleSighting {
        require(BatchValidator.time(t), "t");
        require(BatchValidator.rssi(rssi), "rssi");
        require(BatchValidator.advLength(adv.length), "adv");
        adv = adv.clone();
        if (mac != null) {
            long bits = MacAddress.parse(mac, 0, mac.length());
            if (bits < 0) {
                throw new IllegalArgumentException("mac must look like AA:BB:CC:DD:EE:FF");
            }
            mac = MacAddress.format(bits);
        }
    }

    /** A copy of the raw advertisement. */
    @Override
    public byte[] adv() {
        return adv.clone();
    }

    /** The advertisement decoded, if it is a beacon format Holdfast knows. */
    public Optional<Advertisement> advertisement() {
        return AdvertisementParser.parse(adv);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BleSighting s && t == s.t && rssi == s.rssi && Arrays.equals(adv, s.adv)
                && Objects.equals(mac, s.mac);
    }

    @Override
    public int hashCode() {
        return Objects.hash(t, rssi, Arrays.hashCode(adv), mac);
    }

    @Override
    public String toString() {
        return "BleSighting[t=" + t + ", rssi=" + rssi + ", adv=" + Hex.encode(adv, 0, adv.length) + ", mac=" + mac
                + "]";
    }
}
