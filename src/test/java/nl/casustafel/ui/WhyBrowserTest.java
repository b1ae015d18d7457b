package nl.casustafel.ui;

import nl.casustafel.privacy.PupilIdentityRepository;
import nl.casustafel.privacy.PupilIdentity;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.absence.TestSql;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The privacy kernel in the browser: "why" for a pseudonymous pupil, and a DUO report changing the officer's view. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhyBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    TestSql sql;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void officerAsksWhyAPupilIsShownUnderAnAlias() {
        try (Browser officer = new Browser(ui.port())) {
            officer.signIn("leerplicht.dijkstad", ApiClient.DEMO_PASSWORD);
            officer.open("/aan-tafel");
            WebElement aliasRow = officer.visibleWithText("#table-grid vaadin-grid-cell-content", "Leerling 1");
            aliasRow.findElement(By.cssSelector(".why-button")).click();
            WebElement why = officer.visibleWithText(".why-text", "Gepseudonimiseerd");
            assertTrue(why.getText().startsWith("Gepseudonimiseerd: "), why.getText());
            PupilIdentity buitenleerling = identities.findByBsn("243078353").orElseThrow();
            assertFalse(officer.driver().getPageSource().contains(buitenleerling.familyName() + "</"),
                    "a pupil living in another municipality is not named");

            officer.open("/aan-tafel");
            officer.visibleWithText("#table-grid vaadin-grid-cell-content", "Leerling 1").findElement(By.cssSelector(".pupil-label")).click();
            officer.waitForText("#pupil-title", "Leerling 1");
            String ref = officer.path().substring("/leerling/".length()).split("\\?")[0];
            assertTrue(ref.matches("[a-p]{32}"), "the URL names the pupil by its handle at the table: " + officer.path());
            long pupilId = pupilOfHandle(ref);
            assertFalse(ref.contains(String.valueOf(pupilId)));
            assertFalse(officer.driver().getPageSource().contains("/leerling/" + pupilId), "no link by pupil number");
        }
    }

    @Test
    void schoolRecordsADuoReportAndTheOfficerThenSeesTheName() {
        PupilIdentity pupil = identities.findByBsn("472141326").orElseThrow(); // lives in Dijkstad, on the verzuimoverleg
        try (Browser school = new Browser(ui.port()); Browser officer = new Browser(ui.port())) {
            officer.signIn("leerplicht.dijkstad", ApiClient.DEMO_PASSWORD);
            officer.open("/leerling/" + pupil.pupilId());
            assertFalse(officer.isPresent("#pupil-title"), "the pupil number does not open a pupil seen under an alias");
            String handle = handleAtVerzuimoverleg(pupil.pupilId());
            officer.open("/leerling/" + handle);
            assertTrue(officer.text("#pupil-title").startsWith("Leerling 3"), officer.text("#pupil-title"));
            assertFalse(officer.isPresent("#pupil-field-name"));

            school.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            school.open("/leerling/" + pupil.pupilId());
            assertEquals(pupil.fullName(), school.text("#pupil-field-name"));
            school.element("#record-duo").click();
            school.select("#duo-kind", "Overig verzuim");
            school.element("#duo-reference input").sendKeys("DUO-UI-0003");
            school.element("#duo-save").click();
            school.waitForText("#duo-grid", "DUO-UI-0003");

            officer.open("/leerling/" + handle);
            assertEquals(pupil.fullName(), officer.text("#pupil-field-name"));
            assertTrue(officer.text("#pupil-title").contains("Herkenbaar"));
        }
    }

    @Test
    void aMissingDuoReferenceIsRefusedInDutchAtTheField() {
        PupilIdentity pupil = identities.findByBsn("389519285").orElseThrow();
        try (Browser school = new Browser(ui.port())) {
            school.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            school.open("/leerling/" + pupil.pupilId());
            school.element("#record-duo").click();
            school.select("#duo-kind", "Luxe verzuim");
            school.element("#duo-save").click();
            school.waitForVaadin();
            assertTrue(school.element("#duo-reference").getText().contains("Vul het kenmerk van de melding bij DUO in"),
                    school.element("#duo-reference").getText());
        }
    }

    private long pupilOfHandle(String handle) {
        return sql.query("SELECT pupil_id FROM series_case WHERE handle = '" + handle + "'", st -> {
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private String handleAtVerzuimoverleg(long pupilId) {
        return sql.query("""
                SELECT sc.handle FROM series_case sc JOIN meeting_series ms ON ms.id = sc.series_id
                 WHERE ms.name = 'Verzuimoverleg Dijkstad College' AND sc.pupil_id = """ + pupilId, st -> {
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
