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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shell in Dutch: each role's menu holds exactly the screens the role may open, in order; every screen
 * of that menu (and the pupil page, the meeting, a page that does not exist and the sign-in page) shows
 * no English word of Vaadin's components, in its text or in what a screen reader reads.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DutchScreensBrowserTest implements CasustafelTestProperties {

    /** Words of Vaadin's own English texts that must not reach a Dutch user. */
    private static final Pattern ENGLISH = Pattern.compile("\\b(" + String.join("|",
            "Upload", "Drop", "Sort", "Show password", "Hide password", "Toggle", "Could not navigate", "Cookies",
            "Loading", "Cancel", "Close", "Submit", "Search", "Select", "Clear", "Today", "Previous", "Next",
            "Remove", "Retry", "Incorrect", "File", "Files", "Password", "Username", "Log in", "Sign in", "Sign out",
            "Forgot", "Drawer", "Expand", "Collapse", "Required", "Invalid", "Confirm", "Save", "Delete", "Edit",
            "Not found", "Navigation", "Connection lost", "Online", "Error", "Page") + ")\\b", Pattern.CASE_INSENSITIVE);

    @Inject
    UiServer ui;
    @Inject
    MainScreens mainScreens;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            zorg.dijkstad;       Start|Leerlingen|Mijn overleggen|Verzuimsignalen|Verzuim importeren|Aan tafel|Cijfers school
            leerplicht.dijkstad; Start|Mijn overleggen|Aan tafel|Cijfers gemeente
            jgz.verpleegkundige; Start|Mijn overleggen|Aan tafel
            fg;                  Start|Toegangslogboek|Beheer
            beheer;              Start|Beheer
            """)
    void menuHoldsWhatTheRoleMayOpenAndEveryScreenIsDutch(String username, String expectedMenu) {
        List<String> english = new ArrayList<>();
        try (Browser browser = new Browser(ui.port())) {
            browser.open("/login");
            english.addAll(englishOn(browser, "/login"));
            browser.signIn(username, ApiClient.DEMO_PASSWORD);
            browser.element("#sign-out");
            List<WebElement> items = browser.driver().findElements(By.cssSelector("#main-menu vaadin-side-nav-item"));
            List<String> labels = items.stream().map(i -> i.getText().strip()).toList();
            assertEquals(Arrays.asList(expectedMenu.split("\\|")), labels, "menu of " + username);
            List<String> paths = items.stream().map(i -> i.getAttribute("path")).toList();
            for (String path : paths) {
                browser.open("/" + (path == null ? "" : path));
                assertFalse(browser.isPresent("#no-access"), username + " may open " + path);
                english.addAll(englishOn(browser, "/" + path));
            }
        }
        assertEquals(List.of(), english, "English on the screens of " + username);
    }

    @Test
    void pupilPageMeetingImportDatePickerAndMissingPageAreDutch() {
        List<String> english = new ArrayList<>();
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            for (String path : mainScreens.ofCareCoordinator().values()) {
                browser.open(path);
                english.addAll(englishOn(browser, path));
            }
            browser.open("/verzuim/signalen");
            browser.script("document.querySelector('#signal-on').open();");
            browser.waitForVaadin();
            assertTrue(browser.shownTexts().contains("Vandaag"), "the date picker's overlay is open");
            english.addAll(englishOn(browser, "/verzuim/signalen (date picker open)"));
            browser.open("/bestaat-niet");
            assertEquals("Pagina niet gevonden", browser.text("#not-found"));
            english.addAll(englishOn(browser, "/bestaat-niet"));
            assertEquals("nl", browser.script("return document.documentElement.lang;"));
        }
        assertEquals(List.of(), english);
    }

    @Test
    void theImportsUploadSpeaksDutch() {
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            browser.open("/verzuim/import");
            Set<String> shown = new LinkedHashSet<>(browser.shownTexts());
            assertTrue(shown.contains("Bestand kiezen…"), shown.toString());
            assertTrue(shown.contains("Sleep het bestand hierheen"), shown.toString());
        }
    }

    private static List<String> englishOn(Browser browser, String path) {
        return browser.shownTexts().stream().filter(t -> ENGLISH.matcher(t).find()).map(t -> path + ": " + t).distinct().toList();
    }
}
