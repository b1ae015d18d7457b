package nl.casustafel.retention;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The care coordinator closes a case on the pupil page, is told when the data goes, and reopens it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosingBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    RetentionFixtures fixtures;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void careCoordinatorClosesTheCaseSeesTheDestructionDateAndReopensIt() {
        long pupil = fixtures.pupil();
        try (Browser school = new Browser(ui.port())) {
            school.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            school.open("/leerling/" + pupil);
            school.press("#record-closing");
            school.press("#closing-save");
            assertTrue(school.text("#closing-reason").contains("Kies de reden waarom het dossier wordt gesloten."),
                    school.text("#closing-reason"));

            school.select("#closing-reason", "Overleden");
            String tomorrow = LocalDate.now(ClockFactory.AMSTERDAM).plusDays(1).format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
            school.type("#closing-date", tomorrow);
            school.press("#closing-save");
            assertTrue(school.text("#closing-date").contains("De datum van het afsluitbesluit kan niet in de toekomst liggen."),
                    school.text("#closing-date"));
            assertEquals(0, fixtures.count("SELECT count(*) FROM closing_decision WHERE pupil_id = ?", pupil));

            school.type("#closing-date", "10-01-2026");
            school.press("#closing-save");
            school.waitForText("#closing-status", "Dossier gesloten op 10-01-2026");
            assertTrue(school.text("#closing-status").contains("gegevens worden uiterlijk 10-01-2027 vernietigd"), school.text("#closing-status"));

            school.press("#reopen-closing");
            school.waitForText("#closing-section", "Het dossier is open.");
            assertFalse(school.isPresent("#closing-status"));
        }
    }

    @Test
    void theOfficerWhoSeesThePupilByNameUnderADuoReportCannotCloseTheCase() {
        try (Browser officer = new Browser(ui.port())) {
            officer.signIn("leerplicht.dijkstad", ApiClient.DEMO_PASSWORD);
            officer.open("/leerling/" + fixtures.pupilWithCaseFile());
            assertTrue(officer.isPresent("#pupil-field-name"), "identified under the DUO report");
            assertFalse(officer.isPresent("#closing-section"));
            assertFalse(officer.isPresent("#record-closing"));
        }
    }
}
