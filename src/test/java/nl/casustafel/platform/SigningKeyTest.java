package nl.casustafel.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key that signs API tokens: at least 256 bits when configured, random per process when not. */
class SigningKeyTest {

    @Test
    void aConfiguredKeyOfAtLeast32BytesIsUsedAsIs() {
        String key = "exactly-thirty-two-bytes-long-ok";
        assertEquals(32, key.length());
        assertEquals(key, RuntimeProperties.signingKey(key));
    }

    @Test
    void aShorterKeyStopsTheStartNamingTheVariableAndTheMinimum() {
        ConfigException e = assertThrows(ConfigException.class, () -> RuntimeProperties.signingKey("too-short"));
        assertTrue(e.getMessage().startsWith("JWT_GENERATOR_SIGNATURE_SECRET is 9 bytes long"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 32 bytes (256 bits)"), e.getMessage());
    }

    @Test
    void withoutAConfiguredKeyEachProcessMakesARandomOneOfEnoughLength() {
        String one = RuntimeProperties.signingKey(null);
        assertTrue(one.length() >= 32);
        assertNotEquals(one, RuntimeProperties.signingKey(null));
    }
}
