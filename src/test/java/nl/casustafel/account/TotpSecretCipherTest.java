package nl.casustafel.account;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TOTP secrets sealed with AES-GCM under a configured key, bound to their account; plain without a key. */
class TotpSecretCipherTest {

    private static final String SECRET = "CASUSTAFELDEMOTOTPSECRETDIJKSTAD";

    @Test
    void withAKeyTheSecretIsSealedAndOpensOnlyForItsAccountAndKey() {
        String key = randomKey();
        TotpSecretCipher cipher = new TotpSecretCipher(key);
        String sealed = cipher.seal(7, SECRET);
        assertTrue(sealed.startsWith("aes-gcm:"), sealed);
        assertFalse(sealed.contains(SECRET));
        assertEquals(SECRET, cipher.open(7, sealed));
        assertEquals(SECRET, new TotpSecretCipher(key).open(7, sealed), "the same key after a restart");
        assertThrows(IllegalStateException.class, () -> cipher.open(8, sealed), "copied to another account");
        assertThrows(IllegalStateException.class, () -> new TotpSecretCipher(randomKey()).open(7, sealed));
        assertThrows(IllegalStateException.class, () -> new TotpSecretCipher("").open(7, sealed));
    }

    @Test
    void withoutAKeyTheSecretIsStoredPlainAndStaysReadableOnceAKeyIsSet() {
        String plain = new TotpSecretCipher("").seal(7, SECRET);
        assertEquals("plain:" + SECRET, plain);
        assertEquals(SECRET, new TotpSecretCipher(randomKey()).open(7, plain));
    }

    @Test
    void aKeyOfTheWrongLengthStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> new TotpSecretCipher(Base64.getEncoder().encodeToString(new byte[16])));
        assertThrows(IllegalStateException.class, () -> new TotpSecretCipher("not base64!"));
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
