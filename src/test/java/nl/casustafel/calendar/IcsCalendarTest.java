package nl.casustafel.calendar;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The iCalendar rules the hand-written writer must keep (RFC 5545, 3.1 and 3.3.11). */
class IcsCalendarTest {

    private static final Instant START = Instant.parse("2026-12-03T08:30:00Z");

    @Test
    void textValuesAreEscaped() {
        assertEquals("a\\, b\\; c\\\\d\\ne", IcsCalendar.text("a, b; c\\d\r\ne"));
        assertEquals("zonder stuurteken", IcsCalendar.text("zonder\u0007 stuurteken"));
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        String location = "Kamer van de zorgcoördinator, één verdieping hoger, naast de aula — volg de bordjes ".repeat(3);
        String ics = IcsCalendar.write(List.of(new CalendarEntry(7, "Verzuimoverleg Dijkstad College", START, location, false)),
                START, "https://casustafel.example.nl");
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
            assertTrue(!line.contains("\n") && !line.contains("\r"), "CRLF only between lines");
        }
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("LOCATION:" + IcsCalendar.text(location) + "\r\n"), unfolded);
        assertTrue(unfolded.contains("DTSTART:20261203T083000Z\r\n"));
        assertTrue(unfolded.contains("DTEND:20261203T100000Z\r\n"));
        assertTrue(unfolded.contains("SUMMARY:Verzuimoverleg Dijkstad College 03-12-2026\r\n"));
        assertTrue(unfolded.contains("UID:meeting-7@casustafel\r\n"));
        assertTrue(unfolded.contains("URL:https://casustafel.example.nl/overleg/7\r\n"));
    }

    @Test
    void aCancelledMeetingStaysInTheFeedAsCancelledSoCalendarsDropIt() {
        String ics = IcsCalendar.write(List.of(new CalendarEntry(8, "SOT", START, null, true)), START, "");
        assertTrue(ics.contains("STATUS:CANCELLED\r\n"));
        assertTrue(!ics.contains("LOCATION") && !ics.contains("URL:"));
    }
}
