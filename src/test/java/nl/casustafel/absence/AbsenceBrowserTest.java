package nl.casustafel.absence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The care coordinator's absence screens: the signal work list, and the import's preview of a file with a bad row. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbsenceBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void theWorkListExplainsTheSignalsAndThePreviewNamesTheBadLine() throws Exception {
        Path file = Files.createTempFile("verzuim", ".csv");
        Files.writeString(file, "registratie_id;brin;bsn;datum;lesuur;dagdeel;soort;uren;redencode\n"
                + "UI-1;02CD;243078353;2026-11-02;3;;VERLOF;1;V\n"
                + "UI-2;02CD;243078353;2026-11-02;12;;VERLOF;1;V\n");
        try (Browser school = new Browser(ui.port())) {
            school.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            school.open("/verzuim/signalen?peildatum=2026-11-25"); // the demo export runs up to 24 November 2026
            school.visibleWithText("#signal-grid vaadin-grid-cell-content", "aaneengesloten schoolweken");
            school.visibleWithText("#signal-grid vaadin-grid-cell-content", "Beginnend verzuim");

            school.open("/verzuim/import");
            WebElement upload = school.element("#absence-upload");
            WebElement input = (WebElement) ((JavascriptExecutor) school.driver()).executeScript(
                    "const u = arguments[0]; return u.querySelector('input[type=file]')"
                            + " || (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'));", upload);
            input.sendKeys(file.toString());
            school.visibleWithText("#absence-rejected vaadin-grid-cell-content", "lesuur 12 valt buiten de schooldag (1 tot en met 10)");
            assertTrue(school.eventually(() -> school.text("#absence-summary").contains("1 afgewezen")), school.text("#absence-summary"));
            assertTrue(school.eventually(() -> school.element("#absence-import").getDomAttribute("disabled") != null), "nothing to import while a row is rejected");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
