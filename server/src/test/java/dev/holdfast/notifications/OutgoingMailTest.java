package dev.holdfast.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class OutgoingMailTest {

    @Test
    void toStringLeavesOutAddressSubjectAndBodies() {
        var mail = new OutgoingMail(UUID.randomUUID(), "password-reset", "alice@example.com", "Reset for alice",
                "https://holdfast.example/reset?token=s3cr3t", "<a href=\"https://holdfast.example/reset?token=s3cr3t\">x</a>");

        assertThat(mail.toString()).contains("password-reset")
                .doesNotContain("alice", "example.com", "Reset for", "s3cr3t");
    }

    @Test
    void refusesMissingPartsAndHeaderInjection() {
        assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingMail(null, "invitation", " ", "s", "t", null));
        assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingMail(null, "Invitation!", "a@b.c", "s", "t", null));
        assertThatIllegalArgumentException().isThrownBy(() -> new OutgoingMail(null, "invitation", "a@b.c", "s", " ", null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutgoingMail(null, "invitation", "a@b.c\r\nBcc: x@y.z", "s", "t", null))
                .withMessageNotContaining("x@y.z");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OutgoingMail(null, "invitation", "a@b.c", "Hi\nBcc: x@y.z", "t", null));
    }
}
