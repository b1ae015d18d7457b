package nl.casustafel.account.oidc;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.Browser;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.DemoTotp;
import nl.casustafel.platform.UiServer;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in with the organisation's own account against a real OpenID Connect provider (NAV's
 * mock-oauth2-server on a loopback port), through Micronaut's authorization-code flow, in a real
 * browser on the public port; and the administrator's links.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInTest implements CasustafelTestProperties {

    private static final String PROVIDER = "entree";
    private static final String CLIENT_ID = "casustafel-test";

    private MockOAuth2Server oidcProvider;
    private int uiPort;

    @Inject
    UiServer ui;
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;

    private ApiClient api;
    private String admin;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Override
    public Map<String, String> getProperties() {
        oidcProvider = new MockOAuth2Server();
        try {
            oidcProvider.start(InetAddress.getLoopbackAddress(), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        uiPort = freePort();
        Map<String, String> properties = new HashMap<>(CasustafelTestProperties.super.getProperties());
        properties.put("casustafel.http.port", String.valueOf(uiPort));
        properties.put("casustafel.public-url", "http://localhost:" + uiPort);
        properties.put("micronaut.security.oauth2.clients." + PROVIDER + ".client-id", CLIENT_ID);
        properties.put("micronaut.security.oauth2.clients." + PROVIDER + ".client-secret", "geheim");
        properties.put("micronaut.security.oauth2.clients." + PROVIDER + ".openid.issuer", issuer());
        properties.put("casustafel.oidc.providers." + PROVIDER + ".label", "Entree");
        properties.put("casustafel.oidc.providers." + PROVIDER + ".accepts-mfa-claim", "true");
        return properties;
    }

    @BeforeAll
    void linkIdentities() {
        api = new ApiClient(http.toBlocking(), json);
        admin = api.token("beheer");
        link("swv.coordinator", "ingrid-entree");
        link("swv.orthopedagoog", "tom-entree");
    }

    @AfterAll
    void stopProvider() {
        oidcProvider.shutdown();
    }

    @Test
    void providerWithMultiFactorClaimSignsInAsTheLinkedAccount() {
        oidcProvider.enqueueCallback(token("ingrid-entree", Map.of("amr", List.of("pwd", "mfa"))));
        try (Browser browser = new Browser(uiPort)) {
            browser.open("/login");
            browser.press("#oidc-" + PROVIDER);
            browser.waitForText("#welcome", "Ingrid Visser");
            assertFalse(browser.path().contains("ticket"), "home, not the ticket page: " + browser.path());
        }
    }

    @Test
    void withoutMultiFactorClaimTheCodeOfTheAppFollowsAndTheTicketWorksOnce() {
        oidcProvider.enqueueCallback(token("tom-entree", Map.of("amr", List.of("pwd"))));
        String ticketUrl;
        try (Browser browser = new Browser(uiPort)) {
            browser.open("/login");
            browser.press("#oidc-" + PROVIDER);
            browser.element("#second-factor-code");
            ticketUrl = browser.path();
            assertTrue(ticketUrl.startsWith("/login/oidc?ticket="), ticketUrl);
            browser.open("/leerlingen");
            assertTrue(browser.path().startsWith("/login"), "not signed in before the code: " + browser.path());

            // the ticket is used: opening it again starts nothing
            browser.open(ticketUrl);
            browser.waitForText("#oidc-error", "verlopen of al gebruikt");
            assertFalse(browser.isPresent("#second-factor-code"));
        }
        oidcProvider.enqueueCallback(token("tom-entree", Map.of("amr", List.of("pwd"))));
        try (Browser browser = new Browser(uiPort)) {
            browser.open("/login");
            browser.press("#oidc-" + PROVIDER);
            browser.element("#second-factor-code");
            browser.enterCode(DemoTotp.code("swv.orthopedagoog"));
            browser.waitForText("#welcome", "Tom de Boer");
        }
    }

    @Test
    void unlinkedIdentityIsRefusedInDutchAndNoAccountIsCreated() {
        long accountsBefore = api.call(HttpRequest.GET("/api/admin/users"), admin).list().size();
        oidcProvider.enqueueCallback(token("onbekende-leraar", Map.of("amr", List.of("mfa"))));
        try (Browser browser = new Browser(uiPort)) {
            browser.open("/login");
            browser.press("#oidc-" + PROVIDER);
            browser.waitForText("#oidc-error", "niet gekoppeld aan een Casustafel-account");
            assertFalse(browser.isPresent("#welcome"));
            browser.open("/leerlingen");
            assertTrue(browser.path().startsWith("/login"), "not signed in: " + browser.path());
        }
        assertEquals(accountsBefore, api.call(HttpRequest.GET("/api/admin/users"), admin).list().size());
    }

    @Test
    void administratorLinksOnlyAccountsOfTheOwnPartyWithDutchRefusals() {
        // another party's account is not the administrator's to link
        api.call(HttpRequest.POST("/api/admin/oidc-links", Map.of("username", "zorg.dijkstad", "provider", PROVIDER,
                "subject", "x")), admin).assertProblem(400, "username");
        api.call(HttpRequest.POST("/api/admin/oidc-links", Map.of("username", "fg", "provider", "google",
                "subject", "x")), admin).assertProblem(400, "provider");
        api.call(HttpRequest.POST("/api/admin/oidc-links", Map.of("username", "fg", "provider", PROVIDER,
                "issuer", "https://elders.example", "subject", "x")), admin).assertProblem(400, "issuer");
        api.call(HttpRequest.POST("/api/admin/oidc-links", Map.of("username", "fg", "provider", PROVIDER)), admin)
                .assertProblem(400, "subject");
        api.call(HttpRequest.POST("/api/admin/oidc-links", Map.of("username", "fg", "provider", PROVIDER,
                "subject", "ingrid-entree")), admin).assertProblem(400, "subject");
        ApiClient.Answer problem = api.call(HttpRequest.POST("/api/admin/oidc-links", Map.of("username", "zorg.dijkstad",
                "provider", PROVIDER, "subject", "x")), admin);
        assertTrue(problem.raw().contains("geen account met deze gebruikersnaam bij uw organisatie"), problem.raw());

        ApiClient.Answer created = api.call(HttpRequest.POST("/api/admin/oidc-links", Map.of("username", "fg",
                "provider", PROVIDER, "subject", "annemiek-entree")), admin);
        assertEquals(201, created.status(), created.raw());
        Number id = (Number) created.map().get("id");
        assertTrue(api.call(HttpRequest.GET("/api/admin/oidc-links"), admin).raw().contains("annemiek-entree"));

        // only administrators
        String privacyOfficer = api.token("fg");
        assertEquals(403, api.call(HttpRequest.GET("/api/admin/oidc-links"), privacyOfficer).status());
        assertEquals(403, api.call(HttpRequest.DELETE("/api/admin/oidc-links/" + id), privacyOfficer).status());

        assertEquals(204, api.call(HttpRequest.DELETE("/api/admin/oidc-links/" + id), admin).status());
        assertEquals(404, api.call(HttpRequest.DELETE("/api/admin/oidc-links/" + id), admin).status());
        assertFalse(api.call(HttpRequest.GET("/api/admin/oidc-links"), admin).raw().contains("annemiek-entree"));
    }

    private void link(String username, String subject) {
        ApiClient.Answer answer = api.call(HttpRequest.POST("/api/admin/oidc-links", Map.of("username", username,
                "provider", PROVIDER, "issuer", issuer(), "subject", subject)), admin);
        assertEquals(201, answer.status(), answer.raw());
    }

    private String issuer() {
        return oidcProvider.issuerUrl(PROVIDER).toString();
    }

    private static DefaultOAuth2TokenCallback token(String subject, Map<String, Object> claims) {
        return new DefaultOAuth2TokenCallback(PROVIDER, subject, "JWT", List.of(CLIENT_ID), claims, 3600);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
