package nl.casustafel.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountLifecycle;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.UserAccountRepository;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deactivating an account closes its open screens at once; signing out ends the sign-in on the server. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountRevocationBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    UserAccountRepository users;
    @Inject
    AccountLifecycle lifecycle;
    @Inject
    UiSessions uiSessions;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void deactivatingTheAccountSendsItsOpenScreenToTheSignInPageAtOnce() {
        UserAccount account = users.findByUsername("jgz.verpleegkundige").orElseThrow();
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn(account.username(), ApiClient.DEMO_PASSWORD);
            browser.waitForText("#welcome", account.displayName());
            assertEquals(1, uiSessions.openSessions(account.id()));

            lifecycle.deactivate(account.id());

            assertTrue(browser.eventually(() -> browser.path().startsWith("/login")),
                    "the screen went to the sign-in page by itself, was " + browser.path());
            browser.open("/");
            assertTrue(browser.path().startsWith("/login"), "still signed out: " + browser.path());
            assertEquals(0, uiSessions.openSessions(account.id()));
        } finally {
            users.update(account);
        }
    }

    @Test
    void aSignInRevokedWhileTheUserIsAwayIsRefusedAtTheNextNavigation() {
        UserAccount account = users.findByUsername("swv.orthopedagoog").orElseThrow();
        try (Browser browser = new Browser(ui.port())) {
            browser.signIn(account.username(), ApiClient.DEMO_PASSWORD);
            browser.waitForText("#welcome", account.displayName());
            users.update(new UserAccount(account.id(), account.username(), account.displayName(), account.role(),
                    account.partyId(), account.passwordHash(), false));
            browser.open("/");
            assertTrue(browser.path().startsWith("/login"), "a deactivated account is signed out: " + browser.path());
        } finally {
            users.update(account);
        }
    }
}
