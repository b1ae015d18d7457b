package nl.casustafel.platform;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behind a TLS-terminating proxy that is trusted ({@code casustafel.http.trust-forwarded-headers}),
 * a request the proxy marks as HTTPS gets HSTS and a Secure session cookie; a plain one neither.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedProxyHttpTest implements CasustafelTestProperties {

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    UiServer ui;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = CasustafelTestProperties.super.getProperties();
        properties.put("casustafel.http.trust-forwarded-headers", "true");
        return properties;
    }

    @Test
    void overTlsAtTheProxyTheAnswerHasHstsAndASecureSessionCookie() throws Exception {
        HttpResponse<String> page = login("https");
        assertEquals(200, page.statusCode());
        assertEquals("max-age=31536000; includeSubDomains", page.headers().firstValue("Strict-Transport-Security").orElse(""));
        String cookie = HardenedHttpTest.sessionCookie(page);
        assertTrue(HardenedHttpTest.attributes(cookie).containsAll(java.util.List.of("secure", "httponly", "samesite=lax")), cookie);
    }

    @Test
    void overPlainHttpAtTheProxyThereIsNeither() throws Exception {
        HttpResponse<String> page = login("http");
        assertTrue(page.headers().firstValue("Strict-Transport-Security").isEmpty());
        assertFalse(HardenedHttpTest.attributes(HardenedHttpTest.sessionCookie(page)).contains("secure"));
    }

    private HttpResponse<String> login(String proto) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ui.port() + "/login"))
                .header("X-Forwarded-Proto", proto).build(), HttpResponse.BodyHandlers.ofString());
    }
}
