package dev.holdfast.simulator;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.holdfast.protocol.Batch;
import dev.holdfast.protocol.TagId;

/**
 * For the load mode with a Manager's token: puts the tags the reference batches hear on assets (then made-up iBeacons,
 * to a total) and a Location of 40 m around each batch's yard, so that the server's correlation places assets and builds
 * visits from the uploads.
 */
final class ReferenceTags {

    private ReferenceTags() {
    }

    /** Registers them; answers how many tags. */
    static int register(ServerApi api, String token, int batches, long seed, int total) throws IOException {
        Set<String> tags = new LinkedHashSet<>();
        String run = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        for (int i = 0; i < batches; i++) {
            Batch batch = ReferenceBatch.build(UUID.randomUUID(), System.currentTimeMillis(), seed + i);
            for (int k = 0; k < batch.ble().size(); k++) {
                batch.ble().advertisement(k).flatMap(a -> a.tagId()).ifPresent(id -> tags.add(id.toString()));
            }
            double lat = 0;
            double lon = 0;
            for (int k = 0; k < batch.gps().size(); k++) {
                lat += batch.gps().lat(k) / batch.gps().size();
                lon += batch.gps().lon(k) / batch.gps().size();
            }
            api.createLocation(token, "Yard " + run + "-" + (i + 1), lat, lon, 40);
        }
        Random random = new Random(seed);
        while (tags.size() < total) {
            tags.add(TagId.ibeacon(new UUID(random.nextLong(), random.nextLong()), random.nextInt(65536),
                    random.nextInt(65536)).toString());
        }
        int n = 0;
        for (String tag : tags) {
            api.createAsset(token, "Load asset " + run + "-" + (++n), "Load", null, tag, "load mode");
        }
        return tags.size();
    }
}
