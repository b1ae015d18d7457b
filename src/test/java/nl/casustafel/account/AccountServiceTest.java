package nl.casustafel.account;

import nl.casustafel.covenant.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountServiceTest implements CasustafelTestProperties {

    @Inject
    AccountService accounts;
    @Inject
    UserAccountRepository repository;

    @Test
    void careCoordinatorSignsInWithRolePartyAndSchools() {
        Viewer viewer = ((SignIn.SignedIn) accounts.signIn("zorg.dijkstad", "casustafel-demo", nl.casustafel.DemoTotp.code("zorg.dijkstad"))).viewer();
        assertEquals(Role.CARE_COORDINATOR, viewer.role());
        assertEquals("Scholengroep Dijkstreek", viewer.partyName());
        assertEquals(1, viewer.schoolIds().size());
        assertTrue(viewer.swornMunicipalityIds().isEmpty());
    }

    @Test
    void wrongPasswordOrUnknownUserIsRefused() {
        assertEquals(new SignIn.Refused(), accounts.signIn("zorg.dijkstad", "wrong", nl.casustafel.DemoTotp.code("zorg.dijkstad")));
        assertEquals(new SignIn.Refused(), accounts.signIn("nobody", "casustafel-demo", "123456"));
        assertEquals(new SignIn.Refused(), accounts.signIn(null, null, null));
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String hash = repository.findByUsername("beheer").orElseThrow().passwordHash();
        assertTrue(hash.startsWith("$2a$10$"), hash);
        assertFalse(hash.contains("casustafel-demo"));
    }
}
