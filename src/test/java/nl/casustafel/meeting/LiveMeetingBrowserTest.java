package nl.casustafel.meeting;

import nl.casustafel.privacy.PupilIdentityRepository;
import nl.casustafel.privacy.PupilIdentity;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One live verzuimoverleg in two browsers: the care coordinator chairs, the attendance officer
 * follows. Both follow the chair to the same item; the coordinator sees the name, the officer the
 * alias; after the coordinator records a DUO report the officer's screen shows the name, no reload.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveMeetingBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    AgendaNotes notes;
    @Inject
    MeetingPlanning planning;
    @Inject
    AgendaRegistration registration;
    @Inject
    MeetingSession session;
    @Inject
    MeetingSeriesRepository series;
    @Inject
    AccountService accounts;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    MeetingFixtures fixtures;
    @Inject
    nl.casustafel.consent.ConsentService consents;
    @Inject
    nl.casustafel.duo.DuoReportService duoReports;
    @Inject
    nl.casustafel.covenant.PartyRepository parties;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void officerFollowsTheChairAndSeesTheNameOnceTheDuoReportIsRecorded() {
        Viewer chair = accounts.viewer("zorg.dijkstad").orElseThrow();
        long table = series.findByName("Verzuimoverleg Dijkstad College").orElseThrow().id();
        Meeting meeting = planning.plan(chair, table, Instant.now().plus(1, ChronoUnit.HOURS), null);
        PupilIdentity first = identities.findByBsn("350627526").orElseThrow();  // lives in Dijkstad, no DUO report
        PupilIdentity second = identities.findByBsn("547080104").orElseThrow(); // lives in Dijkstad, no DUO report
        registration.register(chair, meeting.id(), AgendaRegistration.Registration.of(first.pupilId()));
        registration.register(chair, meeting.id(), AgendaRegistration.Registration.of(second.pupilId()));

        try (Browser coordinator = new Browser(ui.port()); Browser officer = new Browser(ui.port())) {
            coordinator.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            officer.signIn("leerplicht.dijkstad", ApiClient.DEMO_PASSWORD);
            coordinator.open("/overleg/" + meeting.id());
            officer.open("/overleg/" + meeting.id());

            coordinator.element("#meeting-open").click();
            officer.waitForText("#meeting-status", "Bezig");

            coordinator.visibleWithText("#agenda .agenda-row", second.familyName()).findElement(
                    org.openqa.selenium.By.cssSelector(".agenda-go")).click();
            coordinator.waitForText("#current-pupil", second.fullName());
            officer.waitForText("#current-pupil", "Leerling ");
            String officerSees = officer.text("#current-pupil");
            assertTrue(officerSees.contains("Gepseudonimiseerd"), officerSees);
            assertFalse(officer.driver().getPageSource().contains(second.familyName()), "the officer's page holds no name");
            assertFalse(officer.driver().getPageSource().contains(first.familyName()), "nor the other pupil's");

            coordinator.press("#meeting-record-duo");
            coordinator.select("#duo-kind", "Overig verzuim");
            coordinator.element("#duo-reference input").sendKeys("DUO-LIVE-0001");
            coordinator.element("#duo-save").click();

            officer.waitForText("#current-pupil", second.fullName());
            assertTrue(officer.text("#current-pupil").contains("Herkenbaar"));
            assertFalse(officer.driver().getPageSource().contains(first.familyName()), "the other pupil stays anonymous");
        }
    }

    /** Finding a on the meeting screen: the officer, identified by the DUO report, is told of the CJG's note, not shown it. */
    @Test
    void theOfficerIsToldOfTheNursesHealthNoteButNeverSeesIt() {
        Viewer chair = accounts.viewer("zorg.dijkstad").orElseThrow();
        Viewer nurse = accounts.viewer("jgz.verpleegkundige").orElseThrow();
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Meeting meeting = planning.plan(chair, table.id(), Instant.now().plus(1, ChronoUnit.HOURS), null);
        long pupil = fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.DIJKSTAD,
                p -> !java.util.Set.of("350627526", "547080104").contains(fixtures.bsn(p.pupilId()))); // the other test's pupils
        AgendaItem item = registration.register(chair, meeting.id(), AgendaRegistration.Registration.of(pupil)).item();
        java.time.LocalDate today = java.time.LocalDate.now(nl.casustafel.platform.ClockFactory.AMSTERDAM);
        consents.record(chair, pupil, new nl.casustafel.consent.ConsentService.NewConsent(
                parties.findByName("CJG Dijkstreek (JGZ)").orElseThrow().id(), nl.casustafel.covenant.MeetingType.VERZUIMOVERLEG, null,
                java.util.List.of("IDENTITY", "ABSENCE", "HEALTH"), true, true, "M. Ouder", nl.casustafel.consent.ConsentMethod.WRITTEN,
                today, null));
        notes.addNote(nurse, item.id(), "buikpijnklachten, huisarts betrokken", "HEALTH");
        duoReports.record(chair, pupil, new nl.casustafel.duo.DuoReportService.NewReport(nl.casustafel.covenant.DuoReportKind.RELATIVE_16H,
                today, "DUO-LIVE-PROV-" + pupil));
        session.open(chair, meeting.id());

        try (Browser officer = new Browser(ui.port())) {
            officer.signIn("leerplicht.dijkstad", ApiClient.DEMO_PASSWORD);
            officer.open("/overleg/" + meeting.id());
            officer.waitForText("#withheld", "1 notitie van CJG Dijkstreek (JGZ) — alleen zichtbaar met toestemming voor gezondheidsgegevens");
            assertTrue(officer.text("#current-pupil").contains("Herkenbaar"), "identified by the DUO report");
            assertFalse(officer.driver().getPageSource().contains("buikpijn"), "the note's text never reaches the officer's browser");
            assertFalse(officer.driver().getPageSource().contains(nurse.displayName()), "nor its author");
        }
        try (Browser cjg = new Browser(ui.port())) {
            cjg.signIn("jgz.verpleegkundige", ApiClient.DEMO_PASSWORD);
            cjg.open("/overleg/" + meeting.id());
            cjg.waitForText("#notes", "buikpijnklachten, huisarts betrokken");
            assertTrue(cjg.isPresent("#note-category"), "the writer picks the category");
        }
    }
}
