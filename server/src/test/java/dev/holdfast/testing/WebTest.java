package dev.holdfast.testing;

import dev.holdfast.platform.TenantTransactions;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A test against the running server on a random port, with helpers to make companies and people. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class WebTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected TenantTransactions transactions;
    @Autowired
    protected PasswordEncoder encoder;

    protected TestAccounts accounts;

    @BeforeEach
    void createAccountsHelper() {
        accounts = new TestAccounts(port, jdbc, transactions, encoder);
    }
}
