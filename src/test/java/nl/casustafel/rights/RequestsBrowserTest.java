package nl.casustafel.rights;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chair registers and refuses a data-subject request on the pupil page; other participants do not see the section. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestsBrowserTest implements CasustafelTestProperties {

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
    void theChairRegistersARequestOfTheParentAndRefusesItWithAMotivation() {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, LocalDate.now(ClockFactory.AMSTERDAM).minusYears(10));
        try (Browser chair = new Browser(ui.port())) {
            chair.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            chair.open("/leerling/" + pupil);
            chair.waitForText("#requests-section", "Er zijn geen verzoeken van betrokkene geregistreerd.");
            chair.press("#register-request");
            chair.select("#request-kind", "Inzage");
            chair.select("#request-by", "De leerling");
            chair.press("#request-save");
            assertTrue(chair.text("#request-by").contains("op die leeftijd oefent de ouder of voogd dit recht uit"), chair.text("#request-by"));
            assertEquals(0, fixtures.count("SELECT count(*) FROM data_subject_request WHERE pupil_id = ?", pupil));

            chair.select("#request-by", "De ouder of voogd");
            chair.press("#request-save");
            String due = LocalDate.now(ClockFactory.AMSTERDAM).plusMonths(1).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
            assertTrue(chair.eventually(() -> chair.isPresent("#requests-grid") && chair.gridCells("#requests-grid").contains("Inzage")
                    && chair.gridCells("#requests-grid").contains(due)), "registered, due in a month");
            long id = fixtures.count("SELECT max(id) FROM data_subject_request WHERE pupil_id = ?", pupil);

            chair.press("#decide-request-" + id);
            chair.select("#decision-status", "Afgewezen");
            chair.press("#decision-save");
            assertTrue(chair.text("#decision-motivation").contains("Vul de motivering in."), chair.text("#decision-motivation"));
            chair.element("#decision-motivation textarea").sendKeys("Inzage in de aantekeningen van derden zou hun rechten schaden (art. 41 UAVG).");
            chair.waitForVaadin();
            chair.press("#decision-save");
            assertTrue(chair.eventually(() -> chair.gridCells("#requests-grid").stream().anyMatch(c -> c.startsWith("Afgewezen"))),
                    "refused");
            assertEquals(1, fixtures.count("SELECT count(*) FROM data_subject_request WHERE pupil_id = ? AND status = 'REFUSED'", pupil));
        }
    }

    @Test
    void aParticipantWhoIsNotTheChairDoesNotSeeTheSection() {
        long table = fixtures.table();
        long pupil = fixtures.pupilAt(table, LocalDate.now(ClockFactory.AMSTERDAM).minusYears(14));
        fixtures.duoReport(pupil, "DUO-UI-" + pupil);
        try (Browser officer = new Browser(ui.port())) {
            officer.signIn("leerplicht.dijkstad", ApiClient.DEMO_PASSWORD);
            officer.open("/leerling/" + pupil);
            assertTrue(officer.isPresent("#pupil-field-name"), "identified under the DUO report");
            assertFalse(officer.isPresent("#requests-section"));
        }
    }
}
