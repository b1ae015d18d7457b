package nl.casustafel;

import nl.casustafel.platform.RuntimeProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Smoke test of the packaged jar: it starts, serves the UI and passes the API through on one port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedJarIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private Process app;
    private Path log;
    private int port;
    private long startupMillis;

    @BeforeAll
    void startJar() throws Exception {
        Path jar = Path.of(System.getProperty("casustafel.jar", "target/casustafel.jar"));
        assertTrue(Files.isRegularFile(jar), "packaged jar missing: " + jar);
        port = RunningJar.freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        RuntimeProperties.forTests().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-Dcasustafel.demo.load=true", "-Dcasustafel.http.port=" + port,
                "-Dmicronaut.server.port=" + RunningJar.freePort(), "-jar", jar.toString()));
        log = Files.createTempFile("casustafel-jar-", ".log");
        long started = System.nanoTime();
        app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunningJar.awaitUp(app, log, port, Duration.ofSeconds(90));
        startupMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Casustafel jar: %d MB, answered after %d ms%n", Files.size(jar) / (1024 * 1024), startupMillis);
    }

    @AfterAll
    void stopJar() throws InterruptedException {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    void servesTheDutchSignInPage() throws Exception {
        HttpResponse<String> page = get("/login", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<html"), "an HTML page");
    }

    @Test
    void passesTheApiThroughOnTheSamePort() throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"beheer\",\"password\":\"" + ApiClient.DEMO_PASSWORD
                        + "\",\"code\":\"" + DemoTotp.code("beheer") + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String token = login.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        HttpResponse<String> me = get("/api/me", token);
        assertEquals(200, me.statusCode());
        assertTrue(me.body().contains("\"role\":\"ADMIN\""), me.body());
        assertEquals(401, get("/api/me", null).statusCode());
        HttpResponse<String> openApi = get("/openapi/casustafel.yml", null);
        assertEquals(200, openApi.statusCode());
        assertTrue(openApi.body().contains("title: Casustafel API"), "the API's OpenAPI document");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNamesNoServer() throws Exception {
        for (String path : List.of("/login", "/casustafel.css", "/api/me", "/openapi/casustafel.yml")) {
            HttpResponse<String> answer = get(path, null);
            var headers = answer.headers();
            assertTrue(headers.firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), path);
            assertEquals(List.of("nosniff"), headers.allValues("X-Content-Type-Options"), path);
            assertEquals(List.of("no-referrer"), headers.allValues("Referrer-Policy"), path);
            assertTrue(headers.firstValue("Server").isEmpty(), path + " names its server: " + headers.firstValue("Server"));
        }
        String cookie = get("/login", null).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void logsNoLicenceOrSubscriptionMessage() throws IOException {
        String output = Files.readString(log).toLowerCase(Locale.ROOT);
        assertFalse(output.contains("license") || output.contains("licence") || output.contains("subscription"),
                "licence message in the log");
        assertTrue(output.contains("production mode"), "Vaadin runs in production mode");
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
