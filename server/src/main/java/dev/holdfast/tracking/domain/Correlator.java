package dev.holdfast.tracking.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.holdfast.protocol.Advertisement;
import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.BleSightings;
import dev.holdfast.protocol.Distance;

import org.jspecify.annotations.Nullable;

/**
 * Turns one collector batch into what it tells about the company's assets: each BLE sighting is decoded (once per
 * distinct advertisement), kept only when its tag is registered to an asset, placed at the collector's interpolated
 * position, and given a distance from its RSSI and the advertised power at 1 m; the sightings of each asset are cut into
 * passes (a gap of more than a minute, or fifteen minutes of sightings, ends one), and each pass becomes one position
 * estimate ({@link PassEstimator}). Runs of close sightings while the collector moves are handlings ({@link Carry}); the
 * sightings during a carry do not place the asset (it moved with the collector): the pass then places it where the
 * carry ended. Pure: no I/O.
 */
public final class Correlator {

    /** A gap between sightings of an asset longer than this ends a pass. */
    static final long PASS_GAP_MS = 60_000;
    /** A pass is cut after this long (a collector's upload interval), so one standing by a tag for hours still reports it regularly. */
    static final long PASS_MAX_MS = 900_000;
    /** A sighting this close (metres) of a moving collector may be a handling. */
    static final double CLOSE_M = 2.5;
    /** Close sightings this far apart (ms) still belong to one handling. */
    static final long CLOSE_GAP_MS = 20_000;
    /** A handling lasts at least this long (ms). */
    static final long CARRY_MIN_MS = 30_000;
    /** Power at 1 m assumed for a tag that does not advertise one (a {@code mac:} tag). */
    static final int DEFAULT_POWER_AT_1M = -59;

    private final double pathLossExponent;

    public Correlator(double pathLossExponent) {
        if (!(pathLossExponent > 0)) {
            throw new IllegalArgumentException("the path loss exponent must be positive");
        }
        this.pathLossExponent = pathLossExponent;
    }

    public Correlation correlate(Batch batch, long skewMs, TagLookup tags) {
        BleSightings ble = batch.ble();
        if (ble.isEmpty()) {
            return new Correlation(List.of(), List.of(), 0, 0);
        }
        DeviceTrack track = DeviceTrack.of(batch.gps(), batch.motion(), skewMs);
        Map<UUID, List<Sighting>> byAsset = place(ble, skewMs, tags, track);
        List<PassEstimate> passes = new ArrayList<>();
        List<Carry> carries = new ArrayList<>();
        int placed = 0;
        for (List<Sighting> sightings : byAsset.values()) {
            sightings.sort((a, b) -> Long.compare(a.t(), b.t()));
            placed += sightings.size();
            List<Carry> found = carries(sightings);
            carries.addAll(found);
            passes.addAll(passes(sightings, found));
        }
        passes.sort((a, b) -> Long.compare(a.seenAt(), b.seenAt()));
        return new Correlation(passes, carries, ble.size(), placed);
    }

    private Map<UUID, List<Sighting>> place(BleSightings ble, long skewMs, TagLookup tags, DeviceTrack track) {
        int distinct = ble.distinctAdvertisements();
        UUID[] assetOf = new UUID[distinct];
        int[] power = new int[distinct];
        boolean[] decoded = new boolean[distinct];
        Map<String, UUID> macOwners = new HashMap<>();
        Map<UUID, List<Sighting>> byAsset = new HashMap<>();
        for (int i = 0; i < ble.size(); i++) {
            int k = ble.advertisementIndex(i);
            if (!decoded[k]) {
                decoded[k] = true;
                power[k] = DEFAULT_POWER_AT_1M;
                Optional<Advertisement> advertisement = ble.advertisement(i);
                if (advertisement.isPresent()) {
                    Advertisement a = advertisement.get();
                    a.powerAt1m().ifPresent(p -> power[k] = p);
                    assetOf[k] = a.tagId().map(id -> tags.asset(id.toString())).orElse(null);
                }
            }
            UUID asset = assetOf[k];
            if (asset == null && tags.hasMacTags()) {
                String mac = ble.mac(i);
                if (mac != null) {
                    asset = macOwners.computeIfAbsent(mac, m -> lookupMac(tags, m));
                }
            }
            if (asset == null) {
                continue;
            }
            long t = ble.t(i) + skewMs;
            DeviceTrack.Point at = track.at(t);
            if (at == null) {
                continue;
            }
            double distance = Distance.metres(ble.rssi(i), power[k], pathLossExponent);
            byAsset.computeIfAbsent(asset, a -> new ArrayList<>())
                    .add(new Sighting(asset, t, at.lat(), at.lon(), at.acc(), ble.rssi(i), distance, track.moving(t)));
        }
        return byAsset;
    }

    private static @Nullable UUID lookupMac(TagLookup tags, String mac) {
        UUID owner = tags.asset(dev.holdfast.protocol.TagId.mac(mac).toString());
        return owner;
    }

    /** Runs of close sightings while the collector moves, lasting at least {@link #CARRY_MIN_MS}. */
    static List<Carry> carries(List<Sighting> sightings) {
        List<Carry> carries = new ArrayList<>();
        Sighting start = null;
        Sighting last = null;
        for (Sighting s : sightings) {
            boolean close = s.distanceM() <= CLOSE_M && s.moving();
            if (!close) {
                continue;
            }
            if (start != null && s.t() - last.t() > CLOSE_GAP_MS) {
                addCarry(carries, start, last);
                start = null;
            }
            if (start == null) {
                start = s;
            }
            last = s;
        }
        if (start != null) {
            addCarry(carries, start, last);
        }
        return carries;
    }

    private static void addCarry(List<Carry> carries, Sighting start, Sighting end) {
        if (end.t() - start.t() >= CARRY_MIN_MS) {
            carries.add(new Carry(start.assetId(), start.t(), end.t(), end.lat(), end.lon(),
                    Geo.metres(start.lat(), start.lon(), end.lat(), end.lon())));
        }
    }

    /** Cuts the sightings into passes and estimates each; sightings during a carry place the asset at its end. */
    static List<PassEstimate> passes(List<Sighting> sightings, List<Carry> carries) {
        List<PassEstimate> estimates = new ArrayList<>();
        List<Sighting> pass = new ArrayList<>();
        Carry endedInPass = null;
        long passStart = 0;
        long lastT = Long.MIN_VALUE;
        for (Sighting s : sightings) {
            if (!pass.isEmpty() || endedInPass != null) {
                if (s.t() - lastT > PASS_GAP_MS || s.t() - passStart > PASS_MAX_MS) {
                    close(estimates, pass, endedInPass);
                    pass = new ArrayList<>();
                    endedInPass = null;
                }
            }
            if (pass.isEmpty() && endedInPass == null) {
                passStart = s.t();
            }
            lastT = s.t();
            Carry carry = during(carries, s.t());
            if (carry != null) {
                endedInPass = carry;
                pass.clear(); // what was seen before the carry is where it was picked up, not where it is
                continue;
            }
            pass.add(s);
        }
        close(estimates, pass, endedInPass);
        return estimates;
    }

    private static void close(List<PassEstimate> estimates, List<Sighting> pass, @Nullable Carry carried) {
        if (!pass.isEmpty()) {
            estimates.add(PassEstimator.estimate(pass));
        } else if (carried != null) {
            estimates.add(new PassEstimate(carried.assetId(), carried.startedAt(), carried.endedAt(), carried.lat(),
                    carried.lon(), 5, null, null, 0));
        }
    }

    private static @Nullable Carry during(List<Carry> carries, long t) {
        for (Carry c : carries) {
            if (t >= c.startedAt() && t <= c.endedAt()) {
                return c;
            }
        }
        return null;
    }
}
