package nl.casustafel.rights;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.UiServer;
import nl.casustafel.platform.ClockFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chair grants an erasure on the pupil page and carries it out with "Uitvoeren"; the note is gone, the status "Uitgevoerd". */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutionBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    RightsFixtures fixtures;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @AfterAll
    void cleanUp() {
        fixtures.cleanUp();
    }

    @Test
    void theChairGrantsAnErasureAndCarriesItOut() {
        LocalDate today = LocalDate.now(ClockFactory.AMSTERDAM);
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, today.minusYears(14));
        long item = fixtures.discussedWithHealthNote(table, pupil, "gezondheid-ui-" + pupil, "wis-mij-" + pupil);
        try (Browser chair = new Browser(ui.port())) {
            chair.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            chair.open("/leerling/" + pupil);
            chair.press("#register-request");
            chair.select("#request-kind", "Verwijdering");
            chair.select("#request-by", "De ouder of voogd");
            chair.press("#request-save");
            assertTrue(chair.eventually(() -> chair.isPresent("#requests-grid")), "registered");
            long id = fixtures.count("SELECT max(id) FROM data_subject_request WHERE pupil_id = ?", pupil);

            chair.press("#decide-request-" + id);
            chair.select("#decision-status", "Toegewezen");
            chair.press("#decision-save");
            assertTrue(chair.eventually(() -> chair.isPresent("#execute-request-" + id)), "granted: Uitvoeren offered");

            chair.press("#execute-request-" + id);
            chair.select("#execute-target", "wis-mij-" + pupil);
            chair.press("#execute-preview-button");
            assertTrue(chair.eventually(() -> chair.text("#execute-preview").contains("wordt verwijderd")), chair.text("#execute-preview"));
            assertEquals(1, fixtures.count("SELECT count(*) FROM agenda_note WHERE item_id = ? AND text = ?", item, "wis-mij-" + pupil));
            chair.press("#execute-confirm");
            assertTrue(chair.eventually(() -> chair.gridCells("#requests-grid").stream().anyMatch(c -> c.startsWith("Uitgevoerd"))),
                    "the status shows Uitgevoerd with the date");
            assertEquals(0, fixtures.count("SELECT count(*) FROM agenda_note WHERE item_id = ? AND text = ?", item, "wis-mij-" + pupil));

            // The organisation that provided the note is told on its home screen (art. 19 AVG), without the erased text.
            chair.open("/");
            chair.waitForText("#correction-notices", "die uw organisatie inbracht, is verwijderd op verzoek van betrokkene");
            String notices = chair.text("#correction-notices");
            assertTrue(notices.contains("Naar de leerling"), "the school sees the pupil by name and may open it: " + notices);
            assertFalse(notices.contains("wis-mij"), "never the erased value");
        }
    }
}
