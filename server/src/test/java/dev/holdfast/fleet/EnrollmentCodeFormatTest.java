package dev.holdfast.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import dev.holdfast.fleet.domain.EnrollmentCodeFormat;

import org.junit.jupiter.api.Test;

class EnrollmentCodeFormatTest {

    @Test
    void codesAreGroupedBase32AndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = EnrollmentCodeFormat.generate();
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
            seen.add(code);
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void typingIsForgiving() {
        assertThat(EnrollmentCodeFormat.normalize("7kq2 m9xd-4htr 0bwe")).hasValue("7KQ2M9XD4HTR0BWE");
        assertThat(EnrollmentCodeFormat.normalize("OIL0-1111-2222-3333")).hasValue("0110111122223333");
        assertThat(EnrollmentCodeFormat.normalize("7KQ2-M9XD-4HTR")).isEmpty();
        assertThat(EnrollmentCodeFormat.normalize("7KQ2-M9XD-4HTR-0BWU")).as("U is not in the alphabet").isEmpty();
        assertThat(EnrollmentCodeFormat.normalize("x".repeat(1000))).isEmpty();
    }
}
