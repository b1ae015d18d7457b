package nl.casustafel;

import com.nimbusds.jwt.JWTClaimsSet;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 item 7: forged, altered, expired, revoked and orphaned tokens against the packaged jar,
 * started as in production with {@code JWT_GENERATOR_SIGNATURE_SECRET} in its environment. Every one
 * is refused with 401, also on the endpoints of the privacy officer and the administrator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenAttackIT {

    private static final String SERVER_KEY = "it-only-signing-key-0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String WRONG_KEY = "a-wrong-key-that-is-just-as-long-0123456789abcdefghijklmnop";
    private static final List<String> GUARDED = List.of("/api/me", "/api/access-log", "/api/admin/users", "/api/pupils");

    private final HttpClient http = HttpClient.newHttpClient();
    private final Path jar = Path.of(System.getProperty("casustafel.jar", "target/casustafel.jar"));
    private final Map<String, Object> database = RuntimeProperties.forTests();
    private Process app;
    private Path log;
    private int port;

    @BeforeAll
    void startJar() throws Exception {
        assertTrue(Files.isRegularFile(jar), "packaged jar missing: " + jar);
        port = RunningJar.freePort();
        log = Files.createTempFile("casustafel-tokens-", ".log");
        app = start(SERVER_KEY, List.of("-Dcasustafel.demo.load=true", "-Dcasustafel.http.port=" + port,
                "-Dmicronaut.server.port=" + RunningJar.freePort()), log);
        RunningJar.awaitUp(app, log, port, Duration.ofSeconds(120));
    }

    @AfterAll
    void stopJar() throws InterruptedException {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
    }

    @Test
    void theServerSignsItsTokensWithHs256() throws Exception {
        String token = login("fg");
        assertTrue(ForgedTokens.header(token).contains("\"alg\":\"HS256\""), ForgedTokens.header(token));
        assertEquals(200, status("/api/access-log", token));
        assertEquals(401, status("/api/access-log", ForgedTokens.signed(ForgedTokens.claimsOf(token), WRONG_KEY)),
                "so the key of the jar is the one in the environment");
    }

    @Test
    void anUnsignedTokenIsRefused() throws Exception {
        JWTClaimsSet real = ForgedTokens.claimsOf(login("fg"));
        assertRefusedEverywhere(ForgedTokens.unsigned(real));
        assertRefusedEverywhere(ForgedTokens.unsigned(ForgedTokens.claims("mallory", ForgedTokens.unknownSession())));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        JWTClaimsSet real = ForgedTokens.claimsOf(login("beheer"));
        assertRefusedEverywhere(ForgedTokens.signed(real, WRONG_KEY));
    }

    @Test
    void aTokenWithAChangedClaimIsRefused() throws Exception {
        String token = login("zorg.dijkstad");
        JWTClaimsSet real = ForgedTokens.claimsOf(token);
        assertRefusedEverywhere(ForgedTokens.withPayload(token, ForgedTokens.withSubject(real, "fg")));
        assertRefusedEverywhere(ForgedTokens.withPayload(token, new JWTClaimsSet.Builder(real)
                .claim("roles", List.of("PRIVACY_OFFICER", "ADMIN")).build()));
        assertEquals(200, status("/api/me", token), "the real token still works");
    }

    @Test
    void aTokenForAnUnknownUserIsRefusedEvenWithTheServersKey() throws Exception {
        assertRefusedEverywhere(ForgedTokens.signed(ForgedTokens.claims("mallory", ForgedTokens.unknownSession()), SERVER_KEY));
        JWTClaimsSet real = ForgedTokens.claimsOf(login("swv.coordinator"));
        assertRefusedEverywhere(ForgedTokens.signed(ForgedTokens.withSubject(real, "mallory"), SERVER_KEY));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        JWTClaimsSet real = ForgedTokens.claimsOf(login("fg"));
        assertRefusedEverywhere(ForgedTokens.signed(ForgedTokens.expired(real), SERVER_KEY));
    }

    @Test
    void aTokenIsRefusedAfterLogout() throws Exception {
        String token = login("beheer");
        assertEquals(200, status("/api/admin/users", token));
        HttpResponse<String> logout = send(HttpRequest.newBuilder(uri("/api/logout"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(204, logout.statusCode(), logout.body());
        assertRefusedEverywhere(token);
    }

    @Test
    void aTokenOfADeactivatedAccountIsRefused() throws Exception {
        String token = login("smw.anker");
        assertEquals(200, status("/api/me", token));
        setActive("smw.anker", false);
        try {
            assertRefusedEverywhere(token);
        } finally {
            setActive("smw.anker", true);
        }
    }

    @Test
    void aSigningKeyShorterThan32BytesStopsTheStartSayingWhy() throws Exception {
        Path output = Files.createTempFile("casustafel-shortkey-", ".log");
        Process refused = start("only-31-bytes-long-0123456789ab", List.of("-Dcasustafel.http.port=" + RunningJar.freePort(),
                "-Dmicronaut.server.port=" + RunningJar.freePort()), output);
        assertTrue(refused.waitFor(60, TimeUnit.SECONDS), "the jar should stop at once");
        assertNotEquals(0, refused.exitValue());
        String said = Files.readString(output);
        assertTrue(said.contains("JWT_GENERATOR_SIGNATURE_SECRET is 31 bytes long")
                && said.contains("at least 32 bytes (256 bits)"), said);
    }

    private void assertRefusedEverywhere(String token) throws Exception {
        for (String path : GUARDED) {
            HttpResponse<String> answer = get(path, token);
            assertEquals(401, answer.statusCode(), path + ": " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
        }
    }

    private Process start(String signingKey, List<String> properties, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        // the database of this test run, but never a signing key: the jar takes it from its environment
        database.forEach((key, value) -> {
            if (!key.contains("signatures.secret")) {
                command.add("-D" + key + "=" + value);
            }
        });
        command.addAll(properties);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put(RuntimeProperties.JWT_SECRET_VARIABLE, signingKey);
        return builder.start();
    }

    private String login(String username) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + ApiClient.DEMO_PASSWORD
                                + "\",\"code\":\"" + DemoTotp.code(username) + "\"}")));
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    private void setActive(String username, boolean active) throws Exception {
        try (Connection c = DriverManager.getConnection(String.valueOf(database.get("datasources.default.url")),
                String.valueOf(database.get("datasources.default.username")),
                String.valueOf(database.getOrDefault("datasources.default.password", "")));
             PreparedStatement update = c.prepareStatement("UPDATE user_account SET active = ? WHERE username = ?")) {
            update.setBoolean(1, active);
            update.setString(2, username);
            assertEquals(1, update.executeUpdate());
        }
    }

    private int status(String path, String token) throws Exception {
        return get(path, token).statusCode();
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
