package dev.holdfast.activity.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeDiffTest {

    @Test
    void keepsOnlyTheFieldsThatChanged() {
        Map<String, Object> changes = ChangeDiff.between(
                Map.of("name", "Laptop 14", "status", "deployable", "cost", new BigDecimal("1200.0")),
                Map.of("name", "Laptop 14\"", "status", "deployable", "cost", new BigDecimal("1200.00"),
                        "location", "Berlin"));

        assertThat(changes).containsOnlyKeys("location", "name");
        assertThat(changes.get("name")).isEqualTo(change("Laptop 14", "Laptop 14\""));
        assertThat(changes.get("location")).isEqualTo(change(null, "Berlin"));
    }

    @Test
    void creationAndDeletionListEveryField() {
        assertThat(ChangeDiff.between(null, Map.of("name", "Dock", "tag", "A-1")))
                .containsOnlyKeys("name", "tag").containsEntry("tag", change(null, "A-1"));
        assertThat(ChangeDiff.between(Map.of("name", "Dock"), null)).containsEntry("name", change("Dock", null));
        assertThat(ChangeDiff.between(null, null)).isEmpty();
    }

    @Test
    void masksSensitiveValuesButShowsThatTheyChanged() {
        Map<String, Object> changes = ChangeDiff.between(
                Map.of("passwordHash", "$2a$old", "serial", "SN-123", "notes", "combination 1234", "name", "Router"),
                Map.of("passwordHash", "$2a$new", "serial", "SN-456", "name", "Router", "apiToken", "tok_live_9",
                        "LicenseKey", "AAAA-BBBB"));

        assertThat(changes).containsOnlyKeys("passwordHash", "serial", "notes", "apiToken", "LicenseKey");
        assertThat(changes.get("passwordHash")).isEqualTo(change("***", "***"));
        assertThat(changes.get("serial")).isEqualTo(change("***", "***"));
        assertThat(changes.get("notes")).isEqualTo(change("***", null));
        assertThat(changes.get("apiToken")).isEqualTo(change(null, "***"));
        assertThat(changes.get("LicenseKey")).isEqualTo(change(null, "***"));
        assertThat(changes.toString()).doesNotContain("SN-", "1234", "tok_live", "AAAA", "$2a$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "newPassword", "TOKEN", "client_secret", "apiKey", "key", "serial", "Serial_Number",
        "serialNumber", "notes", "NOTES"})
    void sensitiveFieldNames(String field) {
        assertThat(ChangeDiff.isSensitive(field)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "assetTag", "status", "notesCount", "serialized", "location"})
    void ordinaryFieldNames(String field) {
        assertThat(ChangeDiff.isSensitive(field)).isFalse();
    }

    private static Map<String, Object> change(Object before, Object after) {
        Map<String, Object> change = new HashMap<>();
        change.put("before", before);
        change.put("after", after);
        return change;
    }
}
