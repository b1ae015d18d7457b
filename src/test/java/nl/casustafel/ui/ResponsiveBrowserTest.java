package nl.casustafel.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main screens on a phone (390 × 844) and a desktop (1440 × 900): nothing runs off the right edge,
 * the menu is behind the drawer toggle on the phone and "Afmelden" stays in reach. Each screen is saved
 * to {@code target/screenshots/} for a human to look at.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponsiveBrowserTest implements CasustafelTestProperties {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Inject
    UiServer ui;
    @Inject
    MainScreens mainScreens;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void mainScreensFitAPhoneAndADesktopWithoutSidewaysScrolling() {
        Map<String, String> screens = mainScreens.ofCareCoordinator();
        List<String> overflowing = new ArrayList<>();
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            for (int[] size : new int[][] {{390, 844}, {1440, 900}}) {
                browser.viewport(size[0], size[1]);
                for (Map.Entry<String, String> screen : screens.entrySet()) {
                    browser.open(screen.getValue());
                    browser.element("#sign-out");
                    browser.screenshot(SCREENSHOTS.resolve(screen.getKey() + "-" + size[0] + "x" + size[1] + ".png"));
                    long overflow = browser.horizontalOverflow();
                    if (overflow > 0) {
                        overflowing.add(screen.getKey() + " at " + size[0] + " px: " + overflow + " px too wide");
                    }
                    assertTrue(inView(browser, "#sign-out"), "Afmelden in reach on " + screen.getKey() + " at " + size[0] + " px");
                }
            }
        }
        assertEquals(List.of(), overflowing);
    }

    @Test
    void onAPhoneTheMenuIsBehindTheDrawerToggle() {
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            browser.viewport(390, 844);
            browser.open("/");
            assertEquals("Menu openen of sluiten", browser.element("#drawer-toggle").getAttribute("aria-label"));
            assertTrue(Boolean.TRUE.equals(browser.script("return document.querySelector('vaadin-app-layout').overlay;")),
                    "on a phone the drawer lies over the page");
            assertTrue(!inView(browser, "#main-menu vaadin-side-nav-item"), "the menu is closed at first");
            browser.press("#drawer-toggle");
            browser.click("#main-menu vaadin-side-nav-item", "Leerlingen");
            assertTrue(browser.eventually(() -> browser.path().equals("/leerlingen")), browser.path());
            browser.screenshot(SCREENSHOTS.resolve("pupil-list-via-menu-390x844.png"));
        }
    }

    private static boolean inView(Browser browser, String css) {
        return Boolean.TRUE.equals(browser.script("""
                const el = document.querySelector(arguments[0]);
                if (!el) return false;
                const r = el.getBoundingClientRect();
                return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= window.innerHeight;
                """, css));
    }
}
