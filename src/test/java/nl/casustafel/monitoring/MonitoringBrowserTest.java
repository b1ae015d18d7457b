package nl.casustafel.monitoring;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each dashboard in a real browser: in its role's menu, its charts drawn (inline SVG, no script, no CSP violation) with
 * their tables, no serious accessibility violation (the rules of ui.AccessibilityBrowserTest), and the school's
 * click-through listing pupils by name.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringBrowserTest implements CasustafelTestProperties {

    private static final Set<String> SERIOUS = Set.of("serious", "critical");
    private static final Set<String> STRUCTURE = Set.of("landmark-one-main", "region", "page-has-heading-one",
            "heading-order", "empty-table-header", "landmark-unique", "landmark-no-duplicate-main");
    private static final Map<String, String> EXCLUDED = Map.of("aria-required-children", "vaadin-tabs",
            "region", "vaadin-connection-indicator");

    @Inject
    UiServer ui;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "zorg.dijkstad, /cijfers/school, absenceByMonth absenceByMonthLastYear absenceByClassYear, absenceByMonth absenceByClassYear duoReports pupilsOnTables",
            "swv.coordinator, /cijfers/regio, thuiszittersBySchool duration registeredPerMonth, thuiszittersBySchool thuiszittersByMunicipality duration registeredPerMonth outcomes throughput",
            "leerplicht.dijkstad, /cijfers/gemeente, duoReports crossBorder, duoReports crossBorder",
    })
    void theDashboardShowsItsChartsAndTablesInTheMenuOfItsRole(String username, String path, String charts, String tables) {
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn(username, ApiClient.DEMO_PASSWORD);
            browser.element("#sign-out");
            assertTrue(browser.driver().findElements(By.cssSelector("#main-menu vaadin-side-nav-item")).stream()
                    .anyMatch(item -> ("/" + item.getAttribute("path")).equals(path)), "the menu offers " + path);
            browser.open(path);
            assertFalse(browser.isPresent("#no-access"));
            for (String chart : charts.split(" ")) {
                WebElement svg = browser.element("#chart-" + chart + " svg[role='img']");
                assertFalse(svg.getAttribute("aria-label").isBlank());
            }
            for (String table : tables.split(" ")) {
                WebElement html = browser.element("#table-" + table);
                assertFalse(html.findElement(By.tagName("caption")).getText().isBlank());
                assertFalse(html.findElements(By.cssSelector("tbody tr")).isEmpty(), table + " has rows");
            }
            browser.viewport(1280, 2400);
            browser.screenshot(java.nio.file.Path.of("target", "monitoring-" + username + ".png")); // for a person to look at
            assertTrue(browser.isPresent("#monitoring-export-csv"));
            assertTrue(browser.isPresent("#monitoring-export-xlsx"));
            List<String> violations = browser.axeViolations(SERIOUS, STRUCTURE, EXCLUDED);
            assertEquals(List.of(), violations);
            assertEquals(List.of(), browser.cspViolations());
        }
    }

    @Test
    void aFigureOfTheSchoolOpensThePupilsBehindItByName() {
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            browser.open("/cijfers/school");
            WebElement figure = browser.element("#table-absenceByMonth .figure-open");
            browser.script("arguments[0].click();", figure);
            browser.waitForVaadin();
            assertTrue(browser.eventually(() -> browser.isPresent("#monitoring-pupils a[href*='leerling/']")), "pupils listed with a link");
        }
    }

    @Test
    void otherRolesDoNotReachTheDashboards() {
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("jgz.arts", ApiClient.DEMO_PASSWORD);
            browser.element("#sign-out");
            for (String path : List.of("/cijfers/school", "/cijfers/regio", "/cijfers/gemeente")) {
                browser.open(path);
                assertTrue(browser.eventually(() -> browser.isPresent("#no-access")), path);
            }
        }
    }
}
