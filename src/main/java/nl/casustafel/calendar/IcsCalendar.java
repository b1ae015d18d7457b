package nl.casustafel.calendar;

import nl.casustafel.platform.DutchDates;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes calendar entries as an iCalendar document (RFC 5545). Hand-written because neither ical4j
 * nor biweekly is served by the registry this project builds from; it uses only what a VEVENT of a
 * published calendar needs, with the RFC's rules kept: CRLF line ends, lines folded at 75 octets
 * without splitting a character, TEXT values escaped (backslash, semicolon, comma, line breaks),
 * times in UTC, a stable UID per meeting.
 */
final class IcsCalendar {

    /** A meeting has no end time in the model; calendars show this much (most tables take one to two hours). */
    static final Duration LENGTH = Duration.ofMinutes(90);

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;

    private IcsCalendar() {
    }

    /** The document; {@code publicUrl} (no trailing slash) links each event to its meeting screen, behind sign-in. */
    static String write(List<CalendarEntry> entries, Instant stamp, String publicUrl) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Casustafel//Overleggen//NL");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text("Casustafel overleggen"));
        line(ics, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        line(ics, "X-PUBLISHED-TTL:PT1H");
        String now = UTC.format(stamp.truncatedTo(ChronoUnit.SECONDS));
        for (CalendarEntry entry : entries) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:meeting-" + entry.meetingId() + "@casustafel");
            line(ics, "DTSTAMP:" + now);
            line(ics, "DTSTART:" + UTC.format(entry.startsAt()));
            line(ics, "DTEND:" + UTC.format(entry.startsAt().plus(LENGTH)));
            line(ics, "SUMMARY:" + text(summary(entry)));
            if (entry.location() != null && !entry.location().isBlank()) {
                line(ics, "LOCATION:" + text(entry.location()));
            }
            line(ics, "STATUS:" + (entry.cancelled() ? "CANCELLED" : "CONFIRMED"));
            line(ics, "TRANSP:OPAQUE");
            if (publicUrl != null && !publicUrl.isBlank()) {
                line(ics, "URL:" + uri(publicUrl + "/overleg/" + entry.meetingId()));
            }
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** The event's title: the table and the date, nothing about who or what is discussed. */
    static String summary(CalendarEntry entry) {
        return entry.tableName() + " " + DutchDates.DATE.format(entry.startsAt());
    }

    /** A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma escaped, line breaks as \n, other controls dropped. */
    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String uri(String value) {
        return value.chars().filter(c -> c > 0x20 && c != 0x7f).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append).toString();
    }

    /** Appends a content line folded at 75 octets (RFC 5545, 3.1): CRLF and one space, never inside a UTF-8 sequence. */
    static void line(StringBuilder ics, String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append(CRLF).append(' ');
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append(CRLF);
    }
}
