package nl.casustafel.meeting;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.Viewer;
import nl.casustafel.calendar.CalendarEntry;
import nl.casustafel.calendar.CalendarService;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chair takes the roll call on the meeting screen; the other participants see who attended and
 * the minutes list it. The start page shows the next meeting with a link, and the calendar link.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    nl.casustafel.meeting.MeetingPlanning planning;
    @Inject
    nl.casustafel.meeting.AgendaRegistration registration;
    MeetingService meetings;
    @Inject
    MinutesService minutes;
    @Inject
    CalendarService calendar;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void theChairMarksAttendanceAndEveryoneSeesWhoWasThere() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Viewer chair = fixtures.chairOf(table);
        Viewer officer = fixtures.viewer("leerplicht.dijkstad");
        Viewer otherOfficer = fixtures.viewer("leerplicht.veenhoven");
        Viewer nurse = fixtures.viewer("jgz.verpleegkundige");
        Meeting meeting = planning.plan(chair, table.id(), Instant.now().plus(20, ChronoUnit.MINUTES), "Lokaal 3");
        try (Browser coordinator = new Browser(ui.port()); Browser follower = new Browser(ui.port())) {
            coordinator.signIn(chair.username(), ApiClient.DEMO_PASSWORD);
            coordinator.open("/overleg/" + meeting.id());
            coordinator.waitForText("#attendance-summary", "nog niet vastgelegd");
            coordinator.click("#attendance-" + officer.userId() + " vaadin-radio-button", "Aanwezig");
            coordinator.click("#attendance-" + nurse.userId() + " vaadin-radio-button", "Afgemeld");
            coordinator.click("#attendance-" + otherOfficer.userId() + " vaadin-radio-button", "Afwezig");
            coordinator.press("#attendance-all-present"); // the chair, the only one left
            coordinator.press("#attendance-save");
            coordinator.waitForText("#attendance-summary", "Afgemeld: " + nurse.displayName());
            String summary = coordinator.text("#attendance-summary");
            assertTrue(summary.contains(chair.displayName()) && summary.contains(officer.displayName()), summary);
            assertTrue(summary.contains("Afwezig: " + otherOfficer.displayName()), summary);

            follower.signIn(officer.username(), ApiClient.DEMO_PASSWORD);
            follower.open("/overleg/" + meeting.id());
            follower.waitForText("#attendance-summary", "Aanwezig: " + chair.displayName() + ", " + officer.displayName());
            assertFalse(follower.isPresent("#attendance-save"), "only the chair records");
        }
        Minutes written = minutes.minutes(officer, meeting.id());
        assertEquals(List.of(chair.displayName(), officer.displayName()), written.present().stream().map(Minutes.Participant::name).toList());
        assertEquals(List.of(nurse.displayName()), written.excused().stream().map(Minutes.Participant::name).toList());
        planning.cancel(chair, meeting.id());
    }

    @Test
    void theStartPageShowsTheNextMeetingAndTheCalendar() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Viewer chair = fixtures.chairOf(table);
        Meeting meeting = planning.plan(chair, table.id(), Instant.now().plus(10, ChronoUnit.MINUTES), "Lokaal 4");
        try (Browser browser = new Browser(ui.port())) {
            CalendarEntry next = calendar.next(chair).orElseThrow(); // another test's meeting may come first
            browser.signIn(chair.username(), ApiClient.DEMO_PASSWORD);
            browser.open("/");
            browser.waitForText("#next-meeting-table", next.tableName());
            assertTrue(browser.element("#next-meeting-link").getAttribute("href").endsWith("/overleg/" + next.meetingId()));
            assertTrue(browser.text("#next-meeting-when").contains(nl.casustafel.platform.DutchDates.TIME.format(next.startsAt())));
            assertTrue(browser.isPresent("#calendar-download"));

            browser.press("#calendar-feed-make");
            String url = browser.element("#calendar-feed-url input").getAttribute("value");
            assertTrue(url.contains("/api/calendar/feed/" + chair.userId() + "/") && url.endsWith(".ics"), url);
            browser.press("#calendar-feed-revoke");
            browser.waitForText("#calendar-feed-state", "Met een abonnementslink");
            assertFalse(calendar.hasFeed(chair));

            browser.press("#next-meeting-link");
            browser.waitForText("#attendance", "Aanwezigheid");
        } finally {
            planning.cancel(chair, meeting.id());
        }
    }
}
