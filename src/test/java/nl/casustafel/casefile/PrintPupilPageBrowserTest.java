package nl.casustafel.casefile;

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
import org.openqa.selenium.chromium.HasCdp;

import java.sql.ResultSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: a pupil page can be printed. Printed, it is the page as the viewer sees it, with who printed it
 * and when and that it is confidential; the menu and the buttons are not on paper. On screen the stamp is
 * not shown.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintPupilPageBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    TestSql sql;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void thePrintedPupilPageSaysWhoPrintedItAndLeavesOutTheMenu() {
        long pupil = sql.query("SELECT p.id FROM pupil p JOIN school s ON s.id = p.school_id WHERE s.brin = '02CD' ORDER BY p.id LIMIT 1",
                statement -> {
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
        try (Browser school = new Browser(ui.port())) {
            school.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            school.open("/leerling/" + pupil);
            school.waitForText("#pupil-print", "Afdrukken");
            assertFalse(find(school, "#pupil-print-stamp").isDisplayed(), "the stamp is for paper only");
            assertTrue(school.element("vaadin-side-nav").isDisplayed());

            ((HasCdp) school.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));

            assertTrue(school.eventually(() -> find(school, "#pupil-print-stamp").isDisplayed()), "the stamp is printed");
            String stamp = school.text("#pupil-print-stamp");
            assertTrue(stamp.startsWith("Vertrouwelijk. Afgedrukt door ") && stamp.contains("Scholengroep Dijkstreek"), stamp);
            assertFalse(find(school, "vaadin-side-nav").isDisplayed(), "no menu on paper");
            assertFalse(find(school, "#pupil-print").isDisplayed(), "no buttons on paper");
            assertTrue(school.element("#pupil-title").isDisplayed(), "the pupil as the viewer sees it");
        }
    }

    private static WebElement find(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css));
    }
}
