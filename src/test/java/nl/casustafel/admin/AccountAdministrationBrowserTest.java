package nl.casustafel.admin;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.DemoTotp;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.SecondFactorService;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.UserAccountRepository;
import nl.casustafel.platform.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The beheerder creates an account on the Beheer screen, the new colleague signs in, and the beheerder deactivates it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAdministrationBrowserTest implements CasustafelTestProperties {

    @Inject
    UiServer ui;
    @Inject
    UserAccountRepository users;
    @Inject
    SecondFactorService secondFactors;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Test
    void beheerCreatesAnAccountThatSignsInAndDeactivatesIt() {
        String username = "test.ui." + UUID.randomUUID().toString().substring(0, 8);
        Long created = null;
        try (Browser admin = new Browser(ui.port())) {
            admin.signIn("beheer", ApiClient.DEMO_PASSWORD);
            admin.open("/beheer");
            admin.press("#new-account");
            admin.press("#new-account-save");
            assertTrue(admin.element("#new-username").getAttribute("invalid") != null, "an empty form is refused at the username");
            admin.type("#new-username", username);
            admin.type("#new-display-name", "Nieuwe Orthopedagoog");
            admin.select("#new-role", "kernteamlid samenwerkingsverband");
            admin.press("#new-account-save");
            String password = admin.text("#temporary-password");
            assertTrue(password.length() >= 12, password);
            admin.press("#temporary-password-close");
            assertTrue(admin.gridCells("#account-grid").contains(username));

            UserAccount account = users.findByUsername(username).orElseThrow();
            created = account.id();
            assertEquals(Role.SUPPORT_EXPERT, account.role());
            assertEquals(users.findByUsername("beheer").orElseThrow().partyId(), account.partyId());
            // stands in for the colleague's enrolment in the web app (SecondFactorBrowserTest covers that screen)
            secondFactors.enrolWithKnownSecret(account.id(), DemoTotp.SECRET);

            try (Browser colleague = new Browser(ui.port())) {
                colleague.signIn(username, password);
                colleague.waitForText("#welcome", "Nieuwe Orthopedagoog");

                admin.press("#deactivate-" + account.id());
                admin.visibleWithText("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog", "kan zich dan niet meer aanmelden");
                admin.press("#confirm-deactivate");
                assertTrue(admin.eventually(() -> admin.gridCells("#account-grid").contains("Uitgeschakeld")));
                assertFalse(users.findById(account.id()).orElseThrow().active());
                assertFalse(admin.isPresent("#deactivate-" + account.id()));
                assertTrue(admin.isPresent("#reactivate-" + account.id()));

                assertTrue(colleague.eventually(() -> colleague.path().startsWith("/login")),
                        "the colleague's open screen went to the sign-in page, was " + colleague.path());
            }
        } finally {
            if (created != null) {
                users.deleteById(created);
            }
        }
    }
}
