package dev.holdfast.procurement.domain;

import java.time.Clock;
import java.time.LocalDate;

/** Today's date (UTC) for derived states such as "audit overdue" or "expires within 30 days". */
final class Today {

    private static final Clock CLOCK = Clock.systemUTC();

    private Today() {
    }

    static LocalDate date() {
        return LocalDate.now(CLOCK);
    }
}
