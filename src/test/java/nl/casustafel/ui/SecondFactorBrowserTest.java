package nl.casustafel.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.DemoTotp;
import nl.casustafel.account.PasswordHasher;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.UserAccountRepository;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Covenant art. 10.2 in a real browser: enrolment with QR code and recovery codes, sign-in with a recovery code, nothing opens before the second factor. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondFactorBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    UserAccountRepository users;
    @Inject
    PasswordHasher hasher;

    private final List<Long> made = new ArrayList<>();

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void anAccountWithoutSecondFactorEnrolsWithTheQrCodeGetsRecoveryCodesAndLaterSignsInWithOne() {
        String username = newAccount();
        try (Browser browser = new Browser(ui.port())) {
            browser.signInWithPassword(username, ApiClient.DEMO_PASSWORD);
            browser.element("#totp-qr");
            assertTrue(browser.eventually(() -> Boolean.TRUE.equals(((JavascriptExecutor) browser.driver())
                    .executeScript("const img = document.querySelector('#totp-qr'); return img.complete && img.naturalWidth > 100;"))),
                    "the QR code is shown as an image");
            String secret = browser.element("#totp-secret input").getDomProperty("value").replace(" ", "");
            assertTrue(secret.matches("[A-Z2-7]{32}"), "the secret in text, to type over: " + secret);

            browser.type("#enrol-code", DemoTotp.wrongCode(secret));
            browser.press("#enrol-submit");
            browser.waitForText("#enrol-error", "Deze code klopt niet");
            browser.open("/");
            assertTrue(browser.path().startsWith("/login"), "a wrong code signs nobody in: " + browser.path());

            browser.signInWithPassword(username, ApiClient.DEMO_PASSWORD);
            secret = browser.element("#totp-secret input").getDomProperty("value").replace(" ", "");
            browser.type("#enrol-code", DemoTotp.code(secret, username));
            browser.press("#enrol-submit");
            List<String> recoveryCodes = browser.element("#recovery-codes").findElements(By.tagName("li")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(10, recoveryCodes.size(), recoveryCodes.toString());
            assertTrue(browser.text("#second-factor").contains("alleen nu getoond"));
            browser.press("#recovery-continue");
            browser.waitForText("#welcome", "Nieuwe Collega");

            browser.signOut();
            browser.signInWithPassword(username, ApiClient.DEMO_PASSWORD);
            browser.enterCode(recoveryCodes.get(0));
            browser.waitForText("#welcome", "Nieuwe Collega");

            browser.signOut();
            browser.signInWithPassword(username, ApiClient.DEMO_PASSWORD);
            browser.enterCode(recoveryCodes.get(0));
            browser.waitForText("#second-factor-error", "Deze code klopt niet of is al gebruikt");
            assertTrue(browser.path().startsWith("/login"));
        }
    }

    @Test
    void beforeTheSecondFactorNoOtherViewOpens() {
        try (Browser browser = new Browser(ui.port())) {
            browser.signInWithPassword("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            browser.element("#second-factor-code");
            for (String path : List.of("/leerlingen", "/", "/beheer")) {
                browser.open(path);
                assertTrue(browser.path().startsWith("/login"), path + " after the password alone: " + browser.path());
                assertFalse(browser.isPresent("#welcome"), path);
                assertFalse(browser.isPresent("#pupil-grid"), path);
                assertFalse(browser.isPresent("#second-factor-code"), "leaving the page starts again at the password");
                assertTrue(browser.isPresent("vaadin-login-form"));
            }
        }
    }

    @Test
    void aWrongCodeIsRefusedInDutchAndTheRightOneSignsIn() {
        try (Browser browser = new Browser(ui.port())) {
            browser.signInWithPassword("swv.orthopedagoog", ApiClient.DEMO_PASSWORD);
            browser.enterCode(DemoTotp.wrongCode(DemoTotp.SECRET));
            browser.waitForText("#second-factor-error", "Deze code klopt niet");
            assertFalse(browser.isPresent("#welcome"));
            browser.enterCode(DemoTotp.code("swv.orthopedagoog"));
            browser.element("#welcome");
        }
    }

    private String newAccount() {
        UserAccount beheer = users.findByUsername("beheer").orElseThrow();
        String username = "test." + UUID.randomUUID().toString().substring(0, 8);
        made.add(users.save(new UserAccount(null, username, "Nieuwe Collega", Role.ADMIN, beheer.partyId(),
                hasher.hash(ApiClient.DEMO_PASSWORD), true)).id());
        return username;
    }

    @AfterAll
    void deleteAccountsMadeHere() {
        made.forEach(users::deleteById);
    }
}
