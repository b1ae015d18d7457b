package nl.casustafel.platform;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way dates and times are written for users: Dutch order and names, in Dutch time. Every screen,
 * PDF, export and message formats through these, so that a date reads the same everywhere.
 */
public final class DutchDates {

    public static final Locale DUTCH = Locale.of("nl", "NL");

    /** 03-02-2026 */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", DUTCH).withZone(ClockFactory.AMSTERDAM);
    /** 03-02-2026 14:05 */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", DUTCH).withZone(ClockFactory.AMSTERDAM);
    /** 03-02-2026 14:05:09, for logs where the second matters */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss", DUTCH).withZone(ClockFactory.AMSTERDAM);
    /** 14:05 */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", DUTCH).withZone(ClockFactory.AMSTERDAM);
    /** 3 februari 2026 */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH).withZone(ClockFactory.AMSTERDAM);
    /** dinsdag 3 februari 2026 */
    public static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", DUTCH).withZone(ClockFactory.AMSTERDAM);
    /** dinsdag 3 februari 2026, 14:05 */
    public static final DateTimeFormatter LONG_DATE_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", DUTCH).withZone(ClockFactory.AMSTERDAM);
    /** di 03-02-2026 14:05 */
    public static final DateTimeFormatter WEEKDAY_DATE_TIME = DateTimeFormatter.ofPattern("EEE dd-MM-yyyy HH:mm", DUTCH).withZone(ClockFactory.AMSTERDAM);

    private DutchDates() {
    }
}
