package nl.casustafel.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Properties decided at start-up rather than in application.yml: the database, the JWT signing secret, and for tests the audit key. */
public final class RuntimeProperties {

    private static final String JWT_SECRET = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    private static Map<String, Object> testAudit;

    private RuntimeProperties() {
    }

    public static Map<String, Object> forApplication() {
        return with(DatabaseBootstrap.forApplication());
    }

    public static Map<String, Object> forTests() {
        Map<String, Object> properties = with(DatabaseBootstrap.forTests());
        properties.putAll(auditForTests());
        return properties;
    }

    /**
     * The access log's signing key and external head for a test JVM: a key of its own and a folder of its own,
     * made once, as long-lived as the test database they belong to.
     */
    private static synchronized Map<String, Object> auditForTests() {
        if (testAudit == null) {
            try {
                testAudit = Map.of("casustafel.audit.key", randomSecret(),
                        "casustafel.audit.dir", Files.createTempDirectory("casustafel-audit-").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return testAudit;
    }

    private static Map<String, Object> with(Map<String, Object> database) {
        Map<String, Object> properties = new HashMap<>(database);
        if (System.getenv("JWT_GENERATOR_SIGNATURE_SECRET") == null) {
            // Tokens then last as long as the process: fine for one instance, set the variable for more.
            properties.put(JWT_SECRET, randomSecret());
        }
        return properties;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
