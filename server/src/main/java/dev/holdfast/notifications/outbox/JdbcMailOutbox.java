package dev.holdfast.notifications.outbox;

import java.time.Clock;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import dev.holdfast.notifications.MailOutbox;
import dev.holdfast.notifications.OutgoingMail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Queues mails in the caller's transaction; {@link OutboxWorker} sends them after it commits. */
@Service
class JdbcMailOutbox implements MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(JdbcMailOutbox.class);

    private final OutboxStore store;
    private final Clock clock;

    JdbcMailOutbox(OutboxStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID enqueue(OutgoingMail mail) {
        requireAddress(mail.to());
        UUID id = UUID.randomUUID();
        store.insert(id, mail, clock.instant());
        log.debug("Queued mail {} ({})", id, mail.kind());
        return id;
    }

    private static void requireAddress(String to) {
        try {
            InternetAddress address = new InternetAddress(to, true);
            if (address.getAddress() == null || !address.getAddress().contains("@")) {
                throw new AddressException();
            }
        } catch (AddressException e) {
            // the address itself stays out of the message: it may end up in a log line
            throw new IllegalArgumentException("to is not a valid e-mail address");
        }
    }
}
