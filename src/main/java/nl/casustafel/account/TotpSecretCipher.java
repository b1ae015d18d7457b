package nl.casustafel.account;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals TOTP secrets for the database with AES-256-GCM under the key in {@code casustafel.second-factor.key}
 * (environment {@code CASUSTAFEL_SECOND_FACTOR_KEY}, 32 bytes in Base64), bound to the account id so a
 * sealed secret cannot be copied to another account. Without a key, secrets are stored plain (marked
 * {@code plain:}), as in the demo; a sealed secret is never readable without the key. The key must stay
 * the same across restarts: losing it means every account enrols again.
 */
@Singleton
public class TotpSecretCipher {

    private static final String PLAIN = "plain:";
    private static final String SEALED = "aes-gcm:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public TotpSecretCipher(@Value("${casustafel.second-factor.key:}") String base64Key) {
        this.key = base64Key == null || base64Key.isBlank() ? null : key(base64Key.strip());
    }

    private static SecretKey key(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("casustafel.second-factor.key is not Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("casustafel.second-factor.key must be 32 bytes (Base64 of 256 bits), is " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public String seal(long userId, String secret) {
        if (key == null) {
            return PLAIN + secret;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv, userId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return SEALED + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TOTP secret could not be sealed", e);
        }
    }

    public String open(long userId, String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (!stored.startsWith(SEALED)) {
            throw new IllegalStateException("Unknown TOTP secret format for account " + userId);
        }
        if (key == null) {
            throw new IllegalStateException("TOTP secrets are sealed but casustafel.second-factor.key is not set");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(SEALED.length()));
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(all, IV_BYTES), userId);
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TOTP secret of account " + userId + " cannot be opened with this key", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv, long userId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("user_account:" + userId).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
