package dev.holdfast.inventory.domain;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

import org.jspecify.annotations.Nullable;

/** Reading and writing single CSV cells: lenient dates and amounts in, spreadsheet-safe text out. */
final class CsvCells {

    /** {@code m/d/yy}: two-digit years fall in the 80 years before and 20 after today. */
    private static final DateTimeFormatter US_SHORT = new DateTimeFormatterBuilder().appendPattern("M/d/")
            .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.now().minusYears(80)).toFormatter()
            .withResolverStyle(ResolverStyle.STRICT).withChronology(java.time.chrono.IsoChronology.INSTANCE);
    private static final DateTimeFormatter US_LONG = DateTimeFormatter.ofPattern("M/d/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String FORMULA_START = "=+-@\t\r";

    private CsvCells() {
    }

    /** ISO {@code 2026-01-15} (a time part is dropped), {@code 1/15/26} or {@code 1/15/2026}; null if not a date. */
    static @Nullable LocalDate date(String text) {
        String t = text.strip();
        try {
            if (t.length() >= 10 && t.charAt(4) == '-') {
                return LocalDate.parse(t.substring(0, 10));
            }
            if (t.indexOf('/') > 0) {
                String[] parts = t.split("/");
                return parts.length == 3 && parts[2].length() == 2 ? LocalDate.parse(t, US_SHORT)
                        : LocalDate.parse(t, US_LONG);
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /**
     * An amount with currency symbols, spaces and thousands separators removed: {@code $1,299.00}, {@code 1299},
     * {@code 1.299,00 €}. With both separators the last is the decimal one; a lone comma followed by exactly two
     * digits is a decimal comma. Null if no number is left.
     */
    static @Nullable BigDecimal amount(String text) {
        StringBuilder digits = new StringBuilder();
        for (char ch : text.strip().toCharArray()) {
            if (Character.isDigit(ch) || ch == '.' || ch == ',' || ch == '-') {
                digits.append(ch);
            } else if (!Character.isWhitespace(ch) && !Character.isLetter(ch) && Character.getType(ch) != Character.CURRENCY_SYMBOL
                    && ch != '\'' && ch != '\u00A0') {
                return null;
            }
        }
        String s = digits.toString();
        int dot = s.lastIndexOf('.');
        int comma = s.lastIndexOf(',');
        if (dot >= 0 && comma >= 0) {
            s = dot > comma ? s.replace(",", "") : s.replace(".", "").replace(',', '.');
        } else if (comma >= 0) {
            s = comma == s.length() - 3 && s.indexOf(',') == comma ? s.replace(',', '.') : s.replace(",", "");
        }
        if (s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
    static @Nullable String safeText(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** Undoes {@link #safeText}: an apostrophe before a formula character is dropped. */
    static String unsafeText(String value) {
        if (value.length() > 1 && value.charAt(0) == '\'' && FORMULA_START.indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }
}
