package nl.casustafel.ui;

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
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * WCAG 2.1 AA on the main screens, as far as a machine can tell: axe-core finds no serious or critical
 * violation on the sign-in page, on every screen of the menus of the care coordinator (home, pupil list, pupil
 * page, meetings, the demo meeting, signals, import), the attendance officer (and a pupil of his table), the
 * privacy officer (fg: the access log) and the beheerder (beheer, each tab). And the lists open their row by
 * keyboard alone: Tab to a row, Enter.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest implements CasustafelTestProperties {

    private static final Set<String> SERIOUS = Set.of("serious", "critical");

    /**
     * Rules of lesser impact held too, because the screens meet them and should keep doing so: one main landmark
     * (the screen), everything inside a landmark (banner, menu, main), a level-one heading (the application's
     * name) and headings in order, and a header on every grid column.
     */
    private static final Set<String> STRUCTURE = Set.of("landmark-one-main", "region", "page-has-heading-one",
            "heading-order", "empty-table-header", "landmark-unique", "landmark-no-duplicate-main");

    /** Rule id to the elements it is not held against here, each with the reason. */
    private static final Map<String, String> EXCLUDED = Map.of(
            // vaadin-tabs (role tablist) wraps its tabs in its own shadow <div id="scroll" tabindex="-1">, which axe
            // counts as a child a tablist may not have; the tabs themselves are role tab with aria-selected and
            // aria-controls, and the arrow keys move between them. Vaadin's template, not ours to change.
            "aria-required-children", "vaadin-tabs",
            // Vaadin's connection indicator sits outside the application's layout, next to <body>'s content; it
            // shows only "connection lost" and its loading bar, which are announced through aria-live by Vaadin.
            "region", "vaadin-connection-indicator");

    @Inject
    UiServer ui;
    @Inject
    MainScreens mainScreens;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void theSignInPageHasNoSeriousViolation() {
        List<String> violations;
        try (Browser browser = new Browser(ui.port())) {
            browser.open("/login");
            browser.element("vaadin-login-form");
            violations = check(browser, "/login");
        }
        assertNone(violations);
    }

    /**
     * Every screen of the role's menu, every tab of a screen with tabs; for the care coordinator also one of her
     * pupils and the demo meeting, for the attendance officer a pupil of his table (seen under an alias or by name).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zorg.dijkstad", "leerplicht.dijkstad", "fg", "beheer"})
    void theScreensOfTheRoleHaveNoSeriousViolation(String username) {
        List<String> violations = new ArrayList<>();
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn(username, ApiClient.DEMO_PASSWORD);
            browser.element("#sign-out");
            Set<String> paths = new LinkedHashSet<>();
            browser.driver().findElements(By.cssSelector("#main-menu vaadin-side-nav-item"))
                    .forEach(item -> paths.add("/" + Objects.requireNonNullElse(item.getAttribute("path"), "")));
            if (username.equals("zorg.dijkstad")) {
                paths.addAll(mainScreens.ofCareCoordinator().values());
            }
            for (String path : paths) {
                browser.open(path);
                assertFalse(browser.isPresent("#no-access"), username + " may open " + path);
                violations.addAll(checkWithTabs(browser, path));
            }
            if (username.equals("leerplicht.dijkstad")) {
                browser.open("/aan-tafel");
                browser.press("#table-grid vaadin-grid-cell-content .pupil-badge");
                assertTrue(browser.eventually(() -> browser.path().startsWith("/leerling/")), browser.path());
                browser.element("#pupil-title");
                violations.addAll(checkWithTabs(browser, browser.path()));
            }
        }
        assertNone(violations);
    }

    /** What opens over a screen: the "Waarom?" explanation of a pupil and the DUO report dialog of a signal. */
    @Test
    void thePopoverAndTheDialogHaveNoSeriousViolation() {
        List<String> violations = new ArrayList<>();
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            browser.open("/leerlingen");
            browser.script("arguments[0].click();", browser.element("#pupil-grid .why-button"));
            browser.element(".why-text");
            violations.addAll(check(browser, "/leerlingen (Waarom?)"));
            browser.open("/verzuim/signalen?peildatum=2026-11-25");
            browser.script("arguments[0].click();", browser.element("#signal-grid vaadin-button.signal-duo"));
            browser.waitForVaadin();
            browser.element("#duo-kind");
            violations.addAll(check(browser, "/verzuim/signalen (DUO-melding)"));
        }
        assertNone(violations);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/leerlingen, #pupil-grid, /leerling/, #pupil-title", "/aan-tafel, #table-grid, /leerling/, #pupil-title",
            "/overleggen, #meetings-grid, /overleg/, #sign-out"})
    void aListOpensItsRowWithTabAndEnter(String path, String grid, String opened, String shown) {
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            browser.open(path);
            browser.element(grid + " vaadin-grid-cell-content");
            assertTrue(browser.eventually(() -> !browser.gridCells(grid).isEmpty()), "the list has pupils");
            browser.script("document.querySelector('#sign-out').focus();");
            Actions keys = new Actions(browser.driver());
            for (int tab = 0; tab < 20 && !onBodyRow(browser, grid); tab++) {
                keys.sendKeys(Keys.TAB).perform();
            }
            assertTrue(onBodyRow(browser, grid), "Tab reaches a row of " + grid);
            keys.sendKeys(Keys.ENTER).perform();
            browser.waitForVaadin();
            assertTrue(browser.eventually(() -> browser.path().startsWith(opened)), browser.path());
            browser.element(shown);
        }
    }

    /** The violations on the screen and, if it has tabs, on each of its tabs. */
    private static List<String> checkWithTabs(Browser browser, String path) {
        List<String> violations = new ArrayList<>(check(browser, path));
        int tabs = browser.driver().findElements(By.cssSelector("vaadin-tab")).size();
        for (int tab = 1; tab < tabs; tab++) {
            WebElement next = browser.driver().findElements(By.cssSelector("vaadin-tab")).get(tab);
            String name = next.getText().strip();
            next.click();
            browser.waitForVaadin();
            violations.addAll(check(browser, path + " (" + name + ")"));
        }
        return violations;
    }

    /** Whether the keyboard focus is on a cell of a row of the grid's body (not its header). */
    private static boolean onBodyRow(Browser browser, String grid) {
        return Boolean.TRUE.equals(browser.script("""
                const grid = document.querySelector(arguments[0]);
                const active = grid && grid.shadowRoot.activeElement;
                return !!active && !!active.closest('tbody#items');
                """, grid));
    }

    private static List<String> check(Browser browser, String path) {
        return browser.axeViolations(SERIOUS, STRUCTURE, EXCLUDED).stream().map(v -> path + ": " + v).toList();
    }

    private static void assertNone(List<String> violations) {
        if (!violations.isEmpty()) {
            fail(violations.size() + " serious or critical accessibility violations:\n" + String.join("\n", violations));
        }
    }
}
