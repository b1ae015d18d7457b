package nl.casustafel.account;

import nl.casustafel.covenant.Role;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.DemoTotp;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.ForgedTokens;
import nl.casustafel.platform.InvalidInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who is asking is decided by the database on every request; tokens end with their sign-in session. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInSessionApiTest implements CasustafelTestProperties {

    @Inject
    @Client("/")
    HttpClient httpClient;
    @Inject
    JsonMapper json;
    @Inject
    UserAccountRepository users;
    @Inject
    AccountLifecycle lifecycle;
    @Inject
    SignInSessions sessions;
    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
    String serverKey;
    private ApiClient api;

    @BeforeAll
    void client() {
        api = new ApiClient(httpClient.toBlocking(), json);
    }

    @Test
    void loginGivesAnHs256TokenNamingOnlyUserAndSessionForEightHours() {
        Map<String, Object> answer = api.call(HttpRequest.POST("/login",
                Map.of("username", "jgz.arts", "password", ApiClient.DEMO_PASSWORD, "code", DemoTotp.code("jgz.arts"))), null).body(200);
        assertEquals("Bearer", answer.get("token_type"));
        assertEquals(28800, ((Number) answer.get("expires_in")).intValue());
        assertEquals("jgz.arts", answer.get("username"));
        String token = (String) answer.get("access_token");
        assertTrue(ForgedTokens.header(token).contains("\"HS256\""), ForgedTokens.header(token));
        JWTClaimsSet claims = ForgedTokens.claimsOf(token);
        assertEquals("jgz.arts", claims.getSubject());
        assertNull(claims.getClaim("roles"), "the role is never taken from the token");
        assertTrue(sessions.isActive(java.util.UUID.fromString(claims.getJWTID())));
    }

    @Test
    void theRoleComesFromTheAccountAsItIsNowNotFromTheToken() {
        UserAccount account = users.findByUsername("zorg.regenboog").orElseThrow();
        String token = api.token("zorg.regenboog");
        assertEquals(200, api.status(token, "/api/pupils"));
        assertEquals(403, api.status(token, "/api/access-log"));
        try {
            users.update(withRole(account, Role.PRIVACY_OFFICER));
            assertEquals(200, api.status(token, "/api/access-log"), "the same token, the new role");
            assertEquals(403, api.status(token, "/api/pupils"), "the old role's rights are gone");
        } finally {
            users.update(account);
        }
        assertEquals(200, api.status(token, "/api/pupils"));
    }

    @Test
    void logoutEndsThisTokenOnly() {
        String token = api.token("jgz.verpleegkundige");
        String other = api.token("jgz.verpleegkundige");
        assertEquals(204, api.call(HttpRequest.POST("/api/logout", ""), token).status());
        assertEquals(401, api.status(token, "/api/me"));
        api.call(HttpRequest.POST("/api/logout", ""), token).assertProblem(401, null);
        assertEquals(200, api.status(other, "/api/me"), "another sign-in of the same account goes on");
    }

    @Test
    void deactivationEndsEveryTokenOfTheAccountAndItsSignIn() {
        UserAccount account = users.findByUsername("jeugdhulp.anker").orElseThrow();
        String first = api.token("jeugdhulp.anker");
        String second = api.token("jeugdhulp.anker");
        String someoneElse = api.token("smw.anker");
        try {
            lifecycle.deactivate(account.id());
            assertEquals(401, api.status(first, "/api/me"));
            assertEquals(401, api.status(second, "/api/me"));
            assertEquals(200, api.status(someoneElse, "/api/me"));
            api.call(HttpRequest.POST("/login", Map.of("username", "jeugdhulp.anker", "password", ApiClient.DEMO_PASSWORD, "code", DemoTotp.code("jeugdhulp.anker"))), null)
                    .assertProblem(401, null);
        } finally {
            users.update(account);
        }
        assertEquals(401, api.status(first, "/api/me"), "reactivating does not bring old tokens back");
    }

    @Test
    void aNewPasswordEndsEveryTokenSignedInWithTheOldOne() {
        UserAccount account = users.findByUsername("leerplicht.veenhoven").orElseThrow();
        String token = api.token("leerplicht.veenhoven");
        try {
            lifecycle.changePassword(account.id(), "een heel nieuw wachtwoord");
            assertEquals(401, api.status(token, "/api/me"));
            Map<String, Object> answer = api.call(HttpRequest.POST("/login",
                    Map.of("username", "leerplicht.veenhoven", "password", "een heel nieuw wachtwoord", "code", DemoTotp.code("leerplicht.veenhoven"))), null).body(200);
            assertEquals(200, api.status((String) answer.get("access_token"), "/api/me"));
        } finally {
            users.update(account);
        }
    }

    @Test
    void aShortNewPasswordIsRefusedAndChangesNothing() {
        UserAccount account = users.findByUsername("swv.coordinator").orElseThrow();
        String token = api.token("swv.coordinator");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> lifecycle.changePassword(account.id(), "kort"));
        assertEquals("password", e.field());
        assertEquals(200, api.status(token, "/api/me"));
        assertEquals(account.passwordHash(), users.findById(account.id()).orElseThrow().passwordHash());
    }

    @Test
    void wrongPasswordIsADutchProblem() {
        ApiClient.Answer answer = api.call(HttpRequest.POST("/login", Map.of("username", "fg", "password", "fout")), null);
        answer.assertProblem(401, null);
        assertEquals("Gebruikersnaam, wachtwoord of code onjuist.", answer.body().get("detail"));
    }

    @Test
    void tokensTheServerDidNotIssueForAnOpenSessionAreRefused() {
        String token = api.token("zorg.veenhoven");
        JWTClaimsSet real = ForgedTokens.claimsOf(token);
        assertEquals(200, api.status(token, "/api/me"));
        assertEquals(401, api.status(ForgedTokens.unsigned(real), "/api/me"), "alg none");
        assertEquals(401, api.status(ForgedTokens.signed(real, "a-wrong-key-that-is-long-enough-for-hs256!!"), "/api/me"), "wrong key");
        assertEquals(401, api.status(ForgedTokens.withPayload(token, ForgedTokens.withSubject(real, "beheer")), "/api/me"),
                "claim changed, signature kept");
        assertEquals(401, api.status(ForgedTokens.signed(ForgedTokens.withSubject(real, "beheer"), serverKey), "/api/admin/users"),
                "the server's key, another user's name on this session");
        assertEquals(401, api.status(ForgedTokens.signed(ForgedTokens.claims("beheer", ForgedTokens.unknownSession()), serverKey),
                "/api/admin/users"), "the server's key, a session it never opened");
        assertEquals(401, api.status(ForgedTokens.signed(ForgedTokens.claims("mallory", ForgedTokens.unknownSession()), serverKey),
                "/api/access-log"), "the server's key, an unknown user");
        assertEquals(401, api.status(ForgedTokens.signed(real, serverKey, JWSAlgorithm.HS512), "/api/me"), "an algorithm the server does not issue");
        assertEquals(401, api.status(ForgedTokens.signed(ForgedTokens.expired(real), serverKey), "/api/me"), "expired");
        assertEquals(200, api.status(ForgedTokens.signed(real, serverKey), "/api/me"), "the server's own claims and key: accepted");
        assertFalse(api.call(HttpRequest.GET("/api/me"), ForgedTokens.unsigned(real)).raw().contains("zorg.veenhoven"));
    }

    private static UserAccount withRole(UserAccount account, Role role) {
        return new UserAccount(account.id(), account.username(), account.displayName(), role, account.partyId(),
                account.passwordHash(), account.active());
    }
}
