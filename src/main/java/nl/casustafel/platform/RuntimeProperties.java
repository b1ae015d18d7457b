package nl.casustafel.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Properties decided at start-up rather than in application.yml: the database, the JWT signing key, the BSN keys, and for tests the audit key. */
public final class RuntimeProperties {

    /** The environment variable that holds the key API tokens are signed with (HS256). */
    public static final String JWT_SECRET_VARIABLE = "JWT_GENERATOR_SIGNATURE_SECRET";
    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;
    static final String JWT_SECRET = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    private static Map<String, Object> testAudit;

    private RuntimeProperties() {
    }

    public static Map<String, Object> forApplication() {
        String secret = signingKey(System.getenv(JWT_SECRET_VARIABLE));
        Map<String, Object> properties = with(DatabaseBootstrap.forApplication(), secret);
        properties.putAll(BsnKeys.forApplication(DatabaseBootstrap.home()));
        return properties;
    }

    public static Map<String, Object> forTests() {
        String secret = signingKey(System.getenv(JWT_SECRET_VARIABLE));
        Map<String, Object> properties = with(DatabaseBootstrap.forTests(), secret);
        properties.putAll(auditForTests());
        properties.putAll(BsnKeys.forTests());
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

    private static Map<String, Object> with(Map<String, Object> database, String secret) {
        Map<String, Object> properties = new HashMap<>(database);
        // Always a key: without one Micronaut would issue and accept unsigned tokens.
        properties.put(JWT_SECRET, secret);
        return properties;
    }

    /** The configured key (checked before anything starts), or a random one when none is configured. */
    static String signingKey(String configuredSecret) {
        return configuredSecret == null ? randomSecret() : checked(configuredSecret);
    }

    /** The configured key, if long enough; otherwise the start stops, saying why. */
    static String checked(String secret) {
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_SECRET_BYTES) {
            throw new ConfigException(JWT_SECRET_VARIABLE + " is " + bytes + " bytes long; the key that signs API tokens "
                    + "(HS256) must be at least " + MIN_SECRET_BYTES + " bytes (256 bits). Use e.g. `openssl rand -base64 48`, "
                    + "or leave the variable unset for a random key per process.");
        }
        return secret;
    }

    /** Tokens then last as long as the process: fine for one instance, set the variable for more. */
    private static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
