package nl.casustafel.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** An open screen is told in Dutch when the database connection is lost, and when it is back. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    DatabaseOutageBanner banner;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void openScreenShowsTheOutageAndTheRecovery() {
        try (Browser browser = new Browser(ui.port())) {
            browser.open("/login");
            browser.element("vaadin-login-form");
            banner.connection(false);
            browser.waitForText("vaadin-notification-card", "Verbinding met de database verbroken");
            assertTrue(browser.element("vaadin-notification-card").getText().contains("we proberen het opnieuw"));
            banner.connection(true);
            browser.waitForText("vaadin-notification-card", "Verbinding hersteld.");
        }
    }

    @Test
    void databaseErrorsAreRecognisedThroughTheirCause() {
        assertTrue(DatabaseOutageBanner.isDatabaseError(new RuntimeException(new java.sql.SQLException("x"))));
        assertTrue(!DatabaseOutageBanner.isDatabaseError(new IllegalStateException("x")));
    }
}
