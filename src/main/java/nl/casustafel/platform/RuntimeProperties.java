package nl.casustafel.platform;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Properties decided at start-up rather than in application.yml: the database, the JWT signing secret and the BSN keys. */
public final class RuntimeProperties {

    private static final String JWT_SECRET = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    private RuntimeProperties() {
    }

    public static Map<String, Object> forApplication() {
        Map<String, Object> properties = with(DatabaseBootstrap.forApplication());
        properties.putAll(BsnKeys.forApplication(DatabaseBootstrap.home()));
        return properties;
    }

    public static Map<String, Object> forTests() {
        Map<String, Object> properties = with(DatabaseBootstrap.forTests());
        properties.putAll(BsnKeys.forTests());
        return properties;
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
