package nl.casustafel.meeting;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.absence.TestSql;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.UiServer;
import nl.casustafel.privacy.PupilIdentity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The meeting screen shows the facts about the pupil under discussion at the user's level, tells a participant
 * that notes exist they may not read, and shows a closed meeting read-only.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeetingFactsBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    MeetingPlanning planning;
    @Inject
    MeetingSession session;
    @Inject
    AgendaRegistration registration;
    @Inject
    AgendaNotes notes;
    @Inject
    TestSql sql;
    private final List<Long> pupils = new ArrayList<>();

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @AfterAll
    void cleanUp() {
        pupils.forEach(p -> sql.update("DELETE FROM absence_record WHERE pupil_id = " + p + " AND source_id LIKE 'FACTSUI-%'"));
    }

    /** Leerplicht sees the pupil under its alias: the absence figures, no DUO report or consent, and that a note is withheld. */
    @Test
    void theOfficerUnderTheAliasSeesTheAbsenceFactsAndIsToldOfTheWithheldNote() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Viewer chair = fixtures.chairOf(table);
        long pupil = fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.DIJKSTAD);
        pupils.add(pupil);
        PupilIdentity identity = fixtures.identity(pupil);
        LocalDate day = LocalDate.now(ClockFactory.AMSTERDAM).minusMonths(1).withDayOfMonth(12);
        sql.update("INSERT INTO absence_record (school_id, source_id, pupil_id, absence_date, part_of_day, kind, hours, hour_unit) "
                + "SELECT school_id, 'FACTSUI-" + pupil + "', id, DATE '" + day + "', 'DAY', 'UNAUTHORISED', 5, 'LESSON_HOUR' "
                + "FROM pupil WHERE id = " + pupil);
        Meeting meeting = planning.plan(chair, table.id(), Instant.now().plus(1, ChronoUnit.HOURS), null);
        AgendaItem item = registration.register(chair, meeting.id(), AgendaRegistration.Registration.of(pupil)).item();
        notes.addNote(chair, item.id(), "Moeder belt de mentor over " + identity.givenName() + ".");

        try (Browser officer = new Browser(ui.port())) {
            officer.signIn("leerplicht.dijkstad", ApiClient.DEMO_PASSWORD);
            officer.open("/overleg/" + meeting.id());
            officer.waitForText("#pupil-facts", "Feiten over de leerling");
            assertTrue(officer.text("#facts-alias-only").contains("schuilnaam"));
            officer.waitForText("#facts-absence", "5 uur ongeoorloofd");
            assertFalse(officer.isPresent("#facts-duo") || officer.isPresent("#facts-consents"), "no DUO reports or consents under the alias");
            officer.waitForText("#withheld-notice", "mag u lezen");
            officer.waitForText("#withheld", "1 notitie van de school");
            assertFalse(displayed(officer, "#action-duo-report"), "leerplicht does not report to DUO: no such box");
            String page = officer.driver().getPageSource();
            assertFalse(page.contains(identity.familyName()) || page.contains("Moeder belt"), "neither name nor note text in the officer's page");
            assertFalse(page.contains("zichtbaar voor alle deelnemers"));
        }
        try (Browser school = new Browser(ui.port())) {
            school.signIn(chair.username(), ApiClient.DEMO_PASSWORD);
            school.open("/overleg/" + meeting.id());
            school.waitForText("#facts-absence", "5 uur ongeoorloofd");
            assertTrue(school.isPresent("#facts-consents") || school.text("#pupil-facts").contains("Toestemmingen"));
            assertFalse(school.isPresent("#facts-alias-only"));
            assertTrue(displayed(school, "#action-duo-report"), "the school agrees the DUO report");
        }
    }

    /** A closed meeting is read only: no note or action form, a line that says why; a meeting opened days early says so. */
    @Test
    void aClosedMeetingShowsNoFormsAndAnEarlyOpenedMeetingSaysSo() {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Viewer chair = fixtures.chairOf(table);
        long pupil = fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.DIJKSTAD);
        Meeting early = planning.plan(chair, table.id(), Instant.now().plus(5, ChronoUnit.DAYS), null);
        registration.register(chair, early.id(), AgendaRegistration.Registration.of(pupil));
        session.open(chair, early.id());
        // Planned for now, so that it is opened on its own day whatever the hour (an hour ahead may be tomorrow).
        Meeting closed = planning.plan(chair, table.id(), Instant.now(), null);
        registration.register(chair, closed.id(), AgendaRegistration.Registration.of(pupil));
        session.open(chair, closed.id());
        session.close(chair, closed.id());

        try (Browser school = new Browser(ui.port())) {
            school.signIn(chair.username(), ApiClient.DEMO_PASSWORD);
            school.open("/overleg/" + early.id());
            school.waitForText("#meeting-opened-early", "ruim vóór de geplande datum");
            assertTrue(displayed(school, "#note-add") && displayed(school, "#action-add"), "an open meeting takes notes and actions");

            school.open("/overleg/" + closed.id());
            school.waitForText("#meeting-read-only", "Dit overleg is afgerond");
            assertFalse(displayed(school, "#note-add") || displayed(school, "#note-text") || displayed(school, "#action-add")
                    || displayed(school, "#outcome-save"), "no forms in a closed meeting");
            assertFalse(school.isPresent("#meeting-opened-early"), "opened on its own day");
        }
    }

    private static boolean displayed(Browser browser, String css) {
        browser.waitForVaadin();
        return browser.driver().findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }
}
