package nl.casustafel.docs;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.DemoTotp;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.consent.ConsentMethod;
import nl.casustafel.consent.ConsentService;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.covenant.PartyRepository;
import nl.casustafel.meeting.AgendaNotes;
import nl.casustafel.meeting.AttendanceService;
import nl.casustafel.meeting.Meeting;
import nl.casustafel.meeting.MeetingAction;
import nl.casustafel.meeting.MeetingActions;
import nl.casustafel.meeting.MeetingSeriesRepository;
import nl.casustafel.meeting.MeetingService;
import nl.casustafel.meeting.MeetingSession;
import nl.casustafel.meeting.MeetingPlanning;
import nl.casustafel.meeting.Presence;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.UiServer;
import nl.casustafel.privacy.PupilIdentity;
import nl.casustafel.privacy.PupilIdentityRepository;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The screenshots of the user guide ({@code docs/gebruikershandleiding.md}), taken of the real app with
 * the demo region. Runs only when {@code -Dguide.screenshots=<directory>} names where the PNGs go, e.g.
 * {@code -Dguide.screenshots=$PWD/docs/img}; otherwise it is skipped. It opens and fills the demo
 * verzuimoverleg (notes, an action, attendance), so point it at a throw-away database.
 */
@EnabledIfSystemProperty(named = "guide.screenshots", matches = ".*\\S.*") // skipped before the application starts
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuideScreenshots implements CasustafelTestProperties {

    private static final String PROPERTY = "guide.screenshots";
    private static final int WIDE = 1440, HIGH = 900, PHONE = 390, PHONE_HIGH = 844;

    @Inject
    UiServer ui;
    @Inject
    AccountService accounts;
    @Inject
    MeetingService meetings;
    @Inject
    MeetingSeriesRepository series;
    @Inject
    MeetingSession session;
    @Inject
    MeetingPlanning planning;
    @Inject
    AgendaNotes notes;
    @Inject
    MeetingActions actions;
    @Inject
    AttendanceService attendance;
    @Inject
    ConsentService consents;
    @Inject
    PartyRepository parties;
    @Inject
    PupilIdentityRepository identities;

    private Path out;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @BeforeAll
    void onlyWhenAsked() {
        String dir = System.getProperty(PROPERTY, "");
        Assumptions.assumeTrue(!dir.isBlank(), "set -D" + PROPERTY + "=<directory> to take the user guide's screenshots");
        out = Path.of(dir);
    }

    @Test
    void takeTheGuidesScreenshots() throws Exception {
        Meeting meeting = demoMeetingInSession();
        try (Browser browser = new Browser(ui.port())) {
            signInScreens(browser);
            careCoordinatorScreens(browser, meeting);
        }
        try (Browser officer = new Browser(ui.port())) {
            officer.signIn("leerplicht.dijkstad", ApiClient.DEMO_PASSWORD);
            officerScreens(officer, meeting);
        }
        try (Browser nurse = new Browser(ui.port())) {
            nurse.signIn("jgz.verpleegkundige", ApiClient.DEMO_PASSWORD);
            nurse.viewport(PHONE, PHONE_HIGH);
            nurse.open("/overleg/" + meeting.id());
            nurse.waitForText("#notes", "Buikpijnklachten");
            scrollTo(nurse, "#current-item");
            shot(nurse, "overleg-telefoon");
        }
        try (Browser school = new Browser(ui.port())) {
            school.signIn("zorg.veenhoven", ApiClient.DEMO_PASSWORD);
            school.viewport(WIDE, HIGH);
            school.open("/leerling/" + pupil("225352977").pupilId());
            scrollTo(school, "#consent-grid");
            shot(school, "toestemming");
        }
        try (Browser fg = new Browser(ui.port())) {
            fg.signIn("fg", ApiClient.DEMO_PASSWORD);
            fg.viewport(WIDE, HIGH);
            fg.open("/toegangslogboek");
            fg.waitForText("#log-chain", "Logboek intact");
            PupilIdentity pupil = pupil("561096338");
            fg.type("#log-pupil", pupil.fullName());
            fg.press("#log-search");
            assertTrue(fg.eventually(() -> fg.gridCells("#log-grid").contains(pupil.fullName())));
            shot(fg, "toegangslogboek");
        }
        try (Browser admin = new Browser(ui.port())) {
            admin.signIn("beheer", ApiClient.DEMO_PASSWORD);
            admin.viewport(WIDE, HIGH);
            admin.open("/beheer");
            shot(admin, "beheer");
            admin.press("#new-account");
            shot(admin, "beheer-nieuw-account");
        }
    }

    private void signInScreens(Browser browser) {
        browser.viewport(WIDE, HIGH);
        browser.open("/login");
        browser.element("vaadin-login-form input[name='username']");
        shot(browser, "aanmelden");
        browser.signInWithPassword("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
        browser.element("#second-factor-code");
        shot(browser, "aanmelden-code");
        browser.enterCode(DemoTotp.code("zorg.dijkstad"));
        browser.element("#sign-out");
    }

    private void careCoordinatorScreens(Browser browser, Meeting meeting) throws Exception {
        browser.open("/");
        browser.element("#next-meeting-link");
        shot(browser, "start");

        browser.open("/leerlingen");
        browser.element("vaadin-grid");
        shot(browser, "leerlingen");

        browser.open("/leerling/" + pupil("561096338").pupilId());
        browser.element("#pupil-title");
        shot(browser, "leerling");
        browser.press("#record-duo");
        browser.element("#duo-kind");
        shot(browser, "duo-melding");

        browser.open("/overleg/" + meeting.id());
        browser.waitForText("#notes", "Mentor");
        shot(browser, "overleg-voorzitter");
        scrollTo(browser, "#current-item");
        shot(browser, "overleg-notities");
        scrollTo(browser, "#attendance");
        shot(browser, "overleg-aanwezigheid");

        browser.open("/verzuim/signalen?peildatum=2026-11-25"); // the demo export runs up to 24 November 2026
        browser.visibleWithText("#signal-grid vaadin-grid-cell-content", "Beginnend verzuim");
        shot(browser, "verzuimsignalen");

        importPreview(browser);

        browser.open("/");
        browser.press("#calendar-feed-make");
        browser.element("#calendar-feed-url");
        scrollTo(browser, "#calendar");
        shot(browser, "kalender");
        browser.press("#calendar-feed-revoke");
        browser.waitForText("#calendar-feed-state", "Met een abonnementslink");

        browser.viewport(PHONE, PHONE_HIGH);
        browser.open("/");
        browser.element("#sign-out");
        shot(browser, "start-telefoon");
    }

    /** Chooses a file with one good and one wrong line: the preview names the wrong one; nothing is imported. */
    private void importPreview(Browser browser) throws Exception {
        Path dir = Files.createTempDirectory("guide");
        Path file = dir.resolve("verzuim-dijkstad-college.csv");
        try {
            Files.writeString(file, "registratie_id;brin;bsn;datum;lesuur;dagdeel;soort;uren;redencode\n"
                    + "GUIDE-1;02CD;283158839;2026-11-23;3;;ONGEOORLOOFD;1;\n"
                    + "GUIDE-2;02CD;283158839;2026-11-23;12;;ONGEOORLOOFD;1;\n");
            browser.open("/verzuim/import");
            WebElement upload = browser.element("#absence-upload");
            WebElement input = (WebElement) browser.script(
                    "const u = arguments[0]; return u.querySelector('input[type=file]')"
                            + " || (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'));", upload);
            input.sendKeys(file.toString());
            browser.visibleWithText("#absence-rejected vaadin-grid-cell-content", "lesuur 12");
            shot(browser, "verzuim-import");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private void officerScreens(Browser officer, Meeting meeting) {
        officer.viewport(WIDE, HIGH);
        officer.open("/aan-tafel");
        WebElement aliasRow = officer.visibleWithText("#table-grid vaadin-grid-cell-content", "Leerling 1");
        aliasRow.findElement(By.cssSelector(".why-button")).click();
        officer.visibleWithText(".why-text", "Gepseudonimiseerd");
        shot(officer, "aan-tafel-waarom");

        officer.open("/overleg/" + meeting.id());
        officer.waitForText("#current-pupil", "Leerling ");
        officer.waitForText("#withheld", "jeugdgezondheidszorg (CJG)");
        assertFalse(officer.driver().getPageSource().contains("Buikpijn"), "the nurse's note stays with the CJG");
        shot(officer, "overleg-leerplicht");
    }

    /**
     * The demo verzuimoverleg, open, at the first Dijkstad pupil: a note of the chair, a health note of
     * the CJG (with the parents' consent for the CJG), an action for the attendance officer and attendance.
     */
    private Meeting demoMeetingInSession() {
        Viewer chair = accounts.viewer("zorg.dijkstad").orElseThrow();
        Viewer nurse = accounts.viewer("jgz.verpleegkundige").orElseThrow();
        Viewer officer = accounts.viewer("leerplicht.dijkstad").orElseThrow();
        Viewer otherOfficer = accounts.viewer("leerplicht.veenhoven").orElseThrow();
        long table = series.findByName("Verzuimoverleg Dijkstad College").orElseThrow().id();
        Meeting meeting = meetings.myMeetings(chair).stream()
                .filter(m -> m.seriesId() == table && !meetings.agenda(chair, m.id()).isEmpty())
                .findFirst().orElseThrow();
        long pupil = pupil("283158839").pupilId();
        long item = meetings.agenda(chair, meeting.id()).stream()
                .filter(e -> e.item().pupilId() == pupil).findFirst().orElseThrow().item().id();
        LocalDate today = LocalDate.now(ClockFactory.AMSTERDAM);
        consents.record(chair, pupil, new ConsentService.NewConsent(
                parties.findByName("CJG Dijkstreek (JGZ)").orElseThrow().id(), MeetingType.VERZUIMOVERLEG, null,
                List.of("IDENTITY", "ABSENCE", "HEALTH"), true, true, "J. de Groot", ConsentMethod.WRITTEN, today, null));
        // today, so that the screens show a meeting held now rather than one opened a week early
        planning.move(chair, meeting.id(), Instant.now().plus(5, ChronoUnit.MINUTES));
        session.open(chair, meeting.id());
        session.moveTo(chair, meeting.id(), item);
        notes.addNote(chair, item, "Mentor heeft moeder gesproken: het verzuim valt vooral op maandag en dinsdag.");
        notes.addNote(nurse, item, "Buikpijnklachten, huisarts is betrokken.", "HEALTH");
        actions.addAction(chair, item, "Gesprek met ouders en leerling op school", officer.userId(), today.plusDays(14),
                MeetingAction.Kind.GENERAL);
        attendance.record(chair, meeting.id(), Map.of(chair.userId(), Presence.PRESENT, officer.userId(), Presence.PRESENT,
                nurse.userId(), Presence.PRESENT, otherOfficer.userId(), Presence.EXCUSED));
        return meetings.meeting(meeting.id());
    }

    private PupilIdentity pupil(String bsn) {
        return identities.findByBsn(bsn).orElseThrow();
    }

    private static void scrollTo(Browser browser, String css) {
        browser.script("arguments[0].scrollIntoView({block: 'start'});", browser.element(css));
        browser.waitForVaadin();
    }

    private void shot(Browser browser, String name) {
        browser.waitForVaadin();
        try {
            Thread.sleep(400); // let transitions and overlays settle
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        browser.screenshot(out.resolve(name + ".png"));
    }
}
