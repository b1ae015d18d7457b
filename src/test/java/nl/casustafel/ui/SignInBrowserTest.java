package nl.casustafel.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.UserAccountRepository;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.UiServer;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.pupil.PupilSearch;
import nl.casustafel.pupil.PupilService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The care coordinator's journey in a real headless Chromium: sign in, own pupils only, sign out. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    AccountService accounts;
    @Inject
    PupilService pupils;
    @Inject
    UserAccountRepository users;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void careCoordinatorSeesOwnPupilsAndNoneOfAnotherSchoolThenSignsOut() {
        Viewer dijkstad = accounts.viewer("zorg.dijkstad").orElseThrow();
        Viewer veenhoven = accounts.viewer("zorg.veenhoven").orElseThrow();
        List<PupilView> own = pupils.listOwnSchools(dijkstad, PupilSearch.all());
        Set<String> ownNames = own.stream().map(PupilView::name).collect(Collectors.toSet());
        PupilView ownPupil = own.getFirst();
        PupilView otherPupil = pupils.listOwnSchools(veenhoven, PupilSearch.all()).stream()
                .filter(p -> !ownNames.contains(p.name())).findFirst().orElseThrow();

        try (Browser browser = new Browser(ui.port())) {
            browser.open("/leerlingen");
            assertTrue(browser.path().startsWith("/login"), "not signed in: sent to the sign-in page, was " + browser.path());

            browser.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            browser.waitForText("#welcome", "Marieke de Vries");
            assertTrue(browser.text("#role").contains("zorgcoördinator"));
            assertTrue(browser.text("#role").contains("Scholengroep Dijkstreek"));

            browser.open("/leerlingen");
            List<String> cells = browser.gridCells("#pupil-grid");
            assertTrue(cells.stream().anyMatch(c -> c.startsWith(ownPupil.name())), "own pupil listed: " + cells);
            assertTrue(cells.stream().noneMatch(c -> c.equals("Veenhoven Lyceum")), "no pupil of another school");
            assertTrue(browser.text("#pupil-count").matches("[0-9.]+ leerlingen"), "the list says how many: " + browser.text("#pupil-count"));

            browser.type("#pupil-search", otherPupil.name());
            assertTrue(browser.eventually(() -> browser.gridCells("#pupil-grid").isEmpty()),
                    "another school's pupil is not found by name: " + browser.gridCells("#pupil-grid"));

            browser.type("#pupil-search", ownPupil.name());
            assertTrue(browser.eventually(() -> browser.gridCells("#pupil-grid").stream().anyMatch(c -> c.startsWith(ownPupil.name()))),
                    "own pupil found by name: " + browser.gridCells("#pupil-grid"));

            browser.open("/beheer");
            assertEquals("Geen toegang", browser.text("#no-access"));
            assertFalse(browser.isPresent("#party-grid"), "no admin data for a care coordinator");

            browser.signOut();
            browser.open("/leerlingen");
            assertTrue(browser.path().startsWith("/login"), "signed out: the pupil list is closed again");
        }
    }

    @Test
    void everyDemoRoleCanSignInAndSeesNameRoleAndParty() {
        try (Browser browser = new Browser(ui.port())) {
            for (UserAccount account : users.listOrderByDisplayName()) {
                Viewer viewer = accounts.viewer(account.username()).orElseThrow();
                browser.signIn(account.username(), ApiClient.DEMO_PASSWORD);
                browser.waitForText("#welcome", viewer.displayName());
                assertTrue(browser.text("#role").contains(viewer.partyName()), account.username());
                browser.signOut();
            }
        }
    }

    @Test
    void wrongPasswordShowsDutchErrorAndStaysOnSignIn() {
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("zorg.dijkstad", "fout-wachtwoord");
            browser.waitForVaadin();
            assertTrue(browser.path().startsWith("/login"));
            assertTrue(browser.element("vaadin-login-form").getText().contains("Gebruikersnaam of wachtwoord klopt niet"),
                    browser.element("vaadin-login-form").getText());
        }
    }

    @Test
    void afterFiveFailedAttemptsTheSignInSaysToWaitWithoutSayingWhetherTheUsernameExists() {
        try (Browser browser = new Browser(ui.port())) {
            for (int i = 0; i < 6; i++) {
                browser.signIn("niet.bestaand", "fout-" + i);
            }
            assertTrue(browser.path().startsWith("/login"));
            String shown = browser.element("vaadin-login-form").getText();
            assertTrue(shown.contains("Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw."), shown);
        }
    }
}
