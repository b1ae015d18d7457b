package nl.casustafel.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A UI session ends after the idle timeout although the page keeps sending heartbeats, and the
 * browser says so in Dutch; clicking the message leads to the sign-in page. The timeout is set to
 * a few seconds here (30 minutes in production).
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
        properties.put("casustafel.ui.idle-timeout", "4s");
        return properties;
    }

    @Test
    void anIdleSessionEndsWithADutchMessageAndTheNextStepIsSigningIn() {
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn("zorg.dijkstad", ApiClient.DEMO_PASSWORD);
            browser.element("#welcome");

            String shown = browser.element(".v-system-error").getText();
            assertTrue(shown.contains("Sessie verlopen"), shown);
            assertTrue(shown.contains("U was te lang niet actief en bent daarom afgemeld."), shown);

            browser.element(".v-system-error").click();
            assertTrue(browser.eventually(() -> browser.path().startsWith("/login")), "back to sign-in: " + browser.path());
            browser.open("/leerlingen");
            assertTrue(browser.path().startsWith("/login"), "the old session opens nothing: " + browser.path());
        }
    }
}
