package nl.casustafel.privacy;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.casustafel.platform.BsnKeys;
import nl.casustafel.platform.ConfigException;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Encrypts the BSN at rest and computes its blind index; the key stays outside the database
 * ({@link BsnKeys}). A stored value is {@code [key id][96-bit random nonce][AES-256-GCM ciphertext and tag]},
 * bound to its pupil (the pupil id is authenticated with it), so a value copied to another row does not
 * decrypt. The blind index is HMAC-SHA256 of the BSN, truncated to 16 bytes, under a key derived from
 * the current encryption key: equal BSNs give equal indexes, so the database can look a BSN up and keep
 * it unique without holding it. Anyone may encrypt and index; only the privacy kernel decrypts.
 */
@Singleton
public class BsnCipher {

    /** Bytes of the blind index. */
    public static final int INDEX_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern BSN = Pattern.compile("[0-9]{9}");
    private static final byte[] INDEX_KEY_LABEL = "casustafel bsn blind index v1".getBytes(StandardCharsets.US_ASCII);

    private final BsnKeys.Key current;
    private final @Nullable BsnKeys.Key old;
    private final SecretKeySpec indexKey;
    /** One initialised HMAC per thread: Mac.getInstance costs more than the HMAC of a BSN. */
    private final ThreadLocal<Mac> indexMac;
    private final SecureRandom random = new SecureRandom();

    public BsnCipher(@Value("${" + BsnKeys.KEY + ":}") String key,
                     @Value("${" + BsnKeys.KEY_ID + ":1}") String keyId,
                     @Value("${" + BsnKeys.OLD_KEY + ":}") String oldKey,
                     @Value("${" + BsnKeys.OLD_KEY_ID + ":}") String oldKeyId) {
        if (key.isBlank()) {
            throw new ConfigException("No BSN key: set CASUSTAFEL_BSN_KEY (base64 of 32 random bytes) "
                    + "or start through RuntimeProperties, which makes a key file in the data folder");
        }
        this.current = BsnKeys.parse(keyId, key, "CASUSTAFEL_BSN_KEY");
        this.old = oldKey.isBlank() ? null : BsnKeys.parse(oldKeyId, oldKey, "CASUSTAFEL_BSN_KEY_OLD");
        if (old != null && old.id() == current.id()) {
            throw new ConfigException("CASUSTAFEL_BSN_KEY_OLD_ID must differ from CASUSTAFEL_BSN_KEY_ID ("
                    + current.id() + "): a new key needs a new version");
        }
        this.indexKey = new SecretKeySpec(mac(new SecretKeySpec(current.bytes(), "HmacSHA256")).doFinal(INDEX_KEY_LABEL), "HmacSHA256");
        this.indexMac = ThreadLocal.withInitial(() -> mac(indexKey));
    }

    /** The encrypted BSN of a pupil and its blind index, as stored in {@code pupil_identity}. */
    public record Sealed(byte[] cipher, byte[] index) {
    }

    /** Encrypts a BSN (9 digits) for the given pupil under the current key. */
    public Sealed seal(long pupilId, String bsn) {
        return new Sealed(encrypt(current, pupilId, valid(bsn)), index(bsn));
    }

    /** The blind index of a BSN: look-ups compare this with {@code pupil_identity.bsn_index}. */
    public byte[] index(String bsn) {
        return Arrays.copyOf(indexMac.get().doFinal(valid(bsn).getBytes(StandardCharsets.US_ASCII)), INDEX_BYTES);
    }

    /** The version of the current key, the first byte of every value it encrypts. */
    int currentKeyId() {
        return current.id();
    }

    Optional<Integer> oldKeyId() {
        return Optional.ofNullable(old).map(BsnKeys.Key::id);
    }

    /** Decrypts a stored value; only the privacy kernel reads the BSN. */
    String open(long pupilId, byte[] stored) {
        int keyId = Byte.toUnsignedInt(stored[0]);
        BsnKeys.Key key = keyId == current.id() ? current : old != null && keyId == old.id() ? old : null;
        if (key == null) {
            throw new BsnKeyMismatchException("The BSN of pupil " + pupilId + " is encrypted under key version " + keyId
                    + ", but the key given is version " + current.id()
                    + (old != null ? " (old key: version " + old.id() + ")" : "")
                    + ": set CASUSTAFEL_BSN_KEY_OLD and CASUSTAFEL_BSN_KEY_OLD_ID to that key so the values can be re-encrypted");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"),
                    new GCMParameterSpec(TAG_BITS, stored, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(keyId, pupilId));
            byte[] plain = cipher.doFinal(stored, 1 + NONCE_BYTES, stored.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.US_ASCII);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new BsnKeyMismatchException("The BSN of pupil " + pupilId + " does not decrypt with key version " + keyId
                    + ": the key given (" + (key == current ? "CASUSTAFEL_BSN_KEY" : "CASUSTAFEL_BSN_KEY_OLD")
                    + ") is not the key this database was encrypted with, or the value was changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Whether a stored value is encrypted under the current key. */
    boolean isCurrent(byte[] stored) {
        return Byte.toUnsignedInt(stored[0]) == current.id();
    }

    private byte[] encrypt(BsnKeys.Key key, long pupilId, String bsn) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(key.id(), pupilId));
            byte[] sealed = cipher.doFinal(bsn.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put((byte) key.id()).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    private static byte[] associatedData(int keyId, long pupilId) {
        return ByteBuffer.allocate(1 + Long.BYTES).put((byte) keyId).putLong(pupilId).array();
    }

    private static Mac mac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static String valid(String bsn) {
        if (bsn == null || !BSN.matcher(bsn).matches()) {
            throw new IllegalArgumentException("A BSN has 9 digits");
        }
        return bsn;
    }
}
