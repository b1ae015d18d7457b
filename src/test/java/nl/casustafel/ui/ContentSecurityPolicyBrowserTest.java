package nl.casustafel.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.meeting.Meeting;
import nl.casustafel.meeting.MeetingSeriesRepository;
import nl.casustafel.meeting.MeetingPlanning;
import nl.casustafel.platform.UiServer;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.pupil.PupilSearch;
import nl.casustafel.pupil.PupilService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The UI runs in a real Chromium under the Content-Security-Policy of the public port: signing in,
 * the start page, the pupil list and a pupil page, and a live meeting (push) break no directive.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSecurityPolicyBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    AccountService accounts;
    @Inject
    PupilService pupils;
    @Inject
    MeetingPlanning planning;
    @Inject
    MeetingSeriesRepository series;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void theScreensOfACareCoordinatorRunWithoutAnyPolicyViolation() {
        Viewer coordinator = accounts.viewer("zorg.dijkstad").orElseThrow();
        PupilView pupil = pupils.listOwnSchools(coordinator, PupilSearch.all()).getFirst();
        long table = series.findByName("Verzuimoverleg Dijkstad College").orElseThrow().id();
        Meeting meeting = planning.plan(coordinator, table, Instant.now().plus(1, ChronoUnit.HOURS), null);

        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            browser.waitForText("#welcome", coordinator.displayName());
            assertNoViolation(browser, "sign-in and start page");

            browser.open("/leerlingen");
            assertTrue(browser.gridCells("#pupil-grid").stream().anyMatch(c -> c.startsWith(pupil.name())));
            assertNoViolation(browser, "pupil list");

            browser.open("/leerling/" + pupil.pupilId());
            browser.waitForText("body", pupil.name());
            assertNoViolation(browser, "pupil page");

            browser.open("/overleggen");
            assertNoViolation(browser, "my meetings");

            browser.open("/overleg/" + meeting.id());
            browser.element("#meeting-open").click();
            browser.waitForText("#meeting-status", "Bezig");
            assertNoViolation(browser, "live meeting");
        }
    }

    private static void assertNoViolation(Browser browser, String where) {
        List<String> violations = browser.cspViolations();
        assertEquals(List.of(), violations, "Content-Security-Policy violations on the " + where);
    }
}
