package dev.holdfast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.holdfast.protocol.Batch;
import dev.holdfast.ingest.FieldBatches;
import dev.holdfast.simulator.Demo;
import dev.holdfast.simulator.Geo;
import dev.holdfast.testing.ApiClient;
import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * The simulator's demo mode against this server: it registers tagged assets through the asset API, enrols
 * collectors with a code, walks them (600 times real time) and uploads real batches through the collector core;
 * the stored batches hold sightings of exactly the registered tags.
 */
class SimulatorDemoTest extends WebTest {

    @TempDir
    Path collectorFiles;

    @Autowired
    FieldBatches fieldBatches;

    @Test
    void demoFillsACompanyWithAssetsDevicesAndFieldData() throws Exception {
        TestAccounts.Person owner = accounts.owner("Demo Yard");
        ApiClient api = accounts.as(owner);
        String code = api.post("/api/v1/enrollment-codes", Map.of("maxUses", 5)).json().get("code").asString();

        Demo demo = new Demo(new Demo.Options(URI.create("http://localhost:" + port), code, owner.token(), 2, 6,
                new Geo(48.1374, 11.5755), 150, 600, Duration.ofSeconds(6), Duration.ofMinutes(5), 0.05, 42,
                collectorFiles, 10_000), System.out);
        assertThat(demo.run()).as("every batch accepted").isZero();

        JsonNode assets = api.get("/api/v1/assets?size=100").json().get("items");
        assertThat(assets).hasSize(6);
        Set<String> registered = new HashSet<>();
        for (JsonNode asset : assets) {
            assertThat(asset.get("tags")).hasSize(1);
            registered.add(asset.get("tags").get(0).asString());
        }
        assertThat(registered).anyMatch(t -> t.startsWith("ibeacon:")).anyMatch(t -> t.startsWith("altbeacon:"))
                .anyMatch(t -> t.startsWith("eddystone:"));
        assertThat(api.get("/api/v1/devices").json().get("items")).hasSize(2);

        // read back as the tracking module will: claimed from the queue and decoded from storage (not marked
        // processed, so they stay queued)
        List<Batch> stored = transactions.inTenant(owner.tenantId(),
                () -> fieldBatches.claim(1000).stream().map(FieldBatches.Claimed::batch).toList());
        assertThat(stored.size()).as("batches of two devices over a simulated hour").isGreaterThanOrEqualTo(4);
        Set<String> sighted = new HashSet<>();
        int fixes = 0;
        for (Batch batch : stored) {
            fixes += batch.gps().size();
            for (int i = 0; i < batch.ble().size(); i++) {
                sighted.add(batch.ble().get(i).advertisement().orElseThrow().tagId().orElseThrow().toString());
            }
        }
        assertThat(fixes).isPositive();
        assertThat(sighted).as("sightings are of registered tags").isNotEmpty().isSubsetOf(registered);
    }
}
