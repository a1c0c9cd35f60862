package dev.holdfast.accounts.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.holdfast.testing.TestAccounts;
import dev.holdfast.testing.WebTest;
import dev.holdfast.testing.WebClient;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ExpiredSessionSweeperTest extends WebTest {

    @Autowired
    ExpiredSessionSweeper sweeper;

    @Test
    void anIdleSessionEndsAndItsEndIsInTheUsageLog() {
        TestAccounts.Person owner = accounts.owner("Idle");
        WebClient browser = new WebClient(port);
        browser.login(owner.email(), TestAccounts.PASSWORD);
        String sessionId = jdbc.sql("select session_id from spring_session where principal_name = ?")
                .param(owner.userId().toString()).query(String.class).single().trim();
        jdbc.sql("update spring_session set expiry_time = 0 where session_id = ?").param(sessionId).update();

        assertThat(sweeper.sweep()).isPositive();

        assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?").param(sessionId)
                .query(Long.class).single()).isZero();
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        String reason = transactions.inTenant(owner.tenantId(), () -> jdbc.sql(
                "select end_reason from usage_sessions where user_id = ? and ended_at is not null")
                .param(owner.userId()).query(String.class).single());
        assertThat(reason).isEqualTo("idle timeout");
    }
}
