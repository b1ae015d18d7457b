package nl.casustafel.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A UI session ends after the idle timeout although the page keeps sending heartbeats, and the
 * sign-in page says so in Dutch. The timeout is 20 seconds here (30 minutes in production); working
 * keeps the session.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdleTimeoutBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = CasustafelTestProperties.super.getProperties();
        properties.put("casustafel.ui.idle-timeout", "20s");
        properties.put("casustafel.ui.idle-check", "2s");
        return properties;
    }

    @Test
    void anIdleSessionEndsWithADutchMessageAndTheNextStepIsSigningIn() {
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            browser.element("#welcome");

            // nothing is done now; the page keeps sending heartbeats, yet after the timeout the user is signed out
            String shown = new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("session-expired"))).getText();
            assertTrue(shown.contains("U was te lang niet actief en bent daarom afgemeld."), shown);
            assertTrue(browser.path().startsWith("/login"), browser.path());
            browser.open("/leerlingen");
            assertTrue(browser.path().startsWith("/login"), "the old session opens nothing: " + browser.path());
        }
    }

    @Test
    void aUserWhoKeepsWorkingStaysSignedIn() throws InterruptedException {
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("zorg.veenhoven", ApiClient.DEMO_PASSWORD);
            for (int i = 0; i < 6; i++) {
                Thread.sleep(5_000);
                browser.open(i % 2 == 0 ? "/leerlingen" : "/");
                assertTrue(browser.isPresent("#sign-out"), "signed in at step " + i + ": " + browser.path());
            }
            assertTrue(browser.isPresent("#sign-out"), "still signed in after 30 s of work with a 20 s timeout: " + browser.path());
        }
    }
}
