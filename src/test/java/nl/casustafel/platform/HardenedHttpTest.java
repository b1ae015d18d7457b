package nl.casustafel.platform;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every answer of the public port carries the security headers and names no server or version:
 * the sign-in page, static resources, an error page, and the API's answers passed through from
 * Netty. The session cookie cannot be read by scripts nor sent with other sites' requests, and the
 * API takes only bearer tokens, never a password in a Basic header.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardenedHttpTest implements CasustafelTestProperties {

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    UiServer ui;

    @Override
    public boolean uiEnabled() {
        return true;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/casustafel.css", "/VAADIN/no-such-file.js", "/api/me", "/openapi/casustafel.yml"})
    void everyAnswerCarriesTheSecurityHeadersAndNoServer(String path) throws Exception {
        assertHardened(get(path), path);
    }

    @Test
    void theScriptBundleOfThePageCarriesThemToo() throws Exception {
        HttpResponse<String> page = get("/login");
        Matcher script = Pattern.compile("src=\"\\.?/?(VAADIN/build/[^\"]+\\.js)\"").matcher(page.body());
        assertTrue(script.find(), "the page loads Vaadin's bundle: " + page.body());
        HttpResponse<String> bundle = get("/" + script.group(1));
        assertEquals(200, bundle.statusCode());
        assertHardened(bundle, script.group(1));
    }

    @Test
    void apiAnswersKeepTheirStatusAndSayNoServerEither() throws Exception {
        assertEquals(401, get("/api/me").statusCode());
        assertEquals(200, get("/openapi/casustafel.yml").statusCode());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNotSecureOverPlainHttp() throws Exception {
        String cookie = sessionCookie(get("/login"));
        List<String> attributes = attributes(cookie);
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("samesite=lax"), cookie);
        assertFalse(attributes.contains("secure"), "over plain HTTP a Secure cookie would never come back: " + cookie);
    }

    @Test
    void anUntrustedForwardedProtoNeitherTurnsOnHstsNorMarksTheCookieSecure() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/login")).header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(page.headers().firstValue("Strict-Transport-Security").isEmpty());
        assertFalse(attributes(sessionCookie(page)).contains("secure"));
    }

    @Test
    void basicAuthenticationWithAValidPasswordIsRefused() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("zorg.dijkstad:" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(uri("/api/me")).header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, me.statusCode(), me.body());
        assertHardened(me, "/api/me with Basic");
    }

    @Test
    void jettysOwnAnswerToABrokenRequestNamesNoServer() throws IOException {
        try (Socket socket = new Socket("localhost", ui.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /a b c HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(2000), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
            String lower = answer.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains("\nserver:"), answer);
            assertFalse(lower.contains("jetty"), answer);
        }
    }

    static void assertHardened(HttpResponse<String> answer, String what) {
        var headers = answer.headers();
        String policy = headers.firstValue("Content-Security-Policy").orElse("");
        for (String directive : List.of("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
                "frame-ancestors 'none'")) {
            assertTrue(policy.contains(directive), what + ": " + directive + " in " + policy);
        }
        assertEquals(List.of("nosniff"), headers.allValues("X-Content-Type-Options"), what);
        assertEquals(List.of("no-referrer"), headers.allValues("Referrer-Policy"), what);
        assertTrue(headers.firstValue("Server").isEmpty(), what + " names its server: " + headers.firstValue("Server"));
        assertTrue(headers.firstValue("X-Powered-By").isEmpty(), what);
        assertTrue(headers.firstValue("Strict-Transport-Security").isEmpty(), what + ": no HSTS over plain HTTP");
        assertFalse(answer.body().toLowerCase(Locale.ROOT).contains("jetty"), what + " names Jetty");
    }

    static String sessionCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + answer.headers().map()));
    }

    static List<String> attributes(String cookie) {
        return Pattern.compile(";").splitAsStream(cookie).skip(1).map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + ui.port() + path);
    }
}
