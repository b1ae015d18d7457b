package nl.casustafel.account;

import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The second factor of an account (tweede factor, covenant art. 10.2): enrolment with a TOTP secret,
 * checking a code from the authenticator app or a one-time recovery code, and resetting. Each code is
 * used up when it is accepted: a TOTP code by remembering its time step, a recovery code by marking it used.
 * Throttling and the resulting sign-in are {@link AccountService}'s business.
 */
@Singleton
public class SecondFactorService {

    static final int RECOVERY_CODES = 10;

    private final SecondFactorRepository factors;
    private final Totp totp;
    private final TotpSecretCipher cipher;
    private final Clock clock;
    private final RecoveryCodeGenerator recoveryCodes = new RecoveryCodeGenerator();

    public SecondFactorService(SecondFactorRepository factors, Totp totp, TotpSecretCipher cipher, Clock clock) {
        this.factors = factors;
        this.totp = totp;
        this.cipher = cipher;
        this.clock = clock;
    }

    public boolean enrolled(long userId) {
        return factors.exists(userId);
    }

    /** A new secret to enrol with; nothing is stored until {@link #confirm} gets a right code for it. */
    public Enrolment newEnrolment(String username) {
        String secret = totp.newSecret();
        return new Enrolment(username, secret, totp.uri(username, secret));
    }

    public byte[] qrPng(Enrolment enrolment) {
        return totp.qrPng(enrolment.username(), enrolment.secret());
    }

    /**
     * Stores the secret once the user proved with a code that the app has it, and returns new recovery
     * codes, in plain for the one time they are shown. Empty if the code is wrong, or if the account got a
     * second factor in the meantime.
     */
    @Transactional
    public Optional<List<String>> confirm(long userId, Enrolment enrolment, String code) {
        OptionalLong step = totp.matchingStep(enrolment.secret(), normalize(code), clock.instant());
        if (step.isEmpty() || factors.insert(userId, cipher.seal(userId, enrolment.secret()), step.getAsLong()) == 0) {
            return Optional.empty();
        }
        factors.deleteRecoveryCodes(userId);
        List<String> codes = List.of(recoveryCodes.generateCodes(RECOVERY_CODES));
        codes.forEach(recoveryCode -> factors.addRecoveryCode(userId, hash(userId, normalize(recoveryCode))));
        return Optional.of(codes);
    }

    /**
     * Whether this is a right code of the app (6 digits, not used before) or an unused recovery code of the
     * account; the code is used up if so.
     */
    @Transactional
    public boolean verify(long userId, String code) {
        String normal = normalize(code);
        if (normal.isEmpty()) {
            return false;
        }
        if (normal.length() == Totp.DIGITS && normal.chars().allMatch(Character::isDigit)) {
            Optional<SecondFactor> factor = factors.find(userId);
            if (factor.isEmpty()) {
                return false;
            }
            OptionalLong step = totp.matchingStep(cipher.open(userId, factor.get().secret()), normal, clock.instant());
            return step.isPresent() && factors.acceptStep(userId, step.getAsLong()) == 1;
        }
        return factors.exists(userId) && factors.useRecoveryCode(userId, hash(userId, normal)) == 1;
    }

    /** Removes the secret and the recovery codes: the account enrols again at its next sign-in. */
    @Transactional
    public void reset(long userId) {
        factors.delete(userId);
        factors.deleteRecoveryCodes(userId);
    }

    /** Enrols with a known secret, without recovery codes (the demo accounts, whose secret is documented). */
    public void enrolWithKnownSecret(long userId, String secret) {
        totp.code(secret, 0);
        factors.insert(userId, cipher.seal(userId, secret), null);
    }

    public long unusedRecoveryCodes(long userId) {
        return factors.countUnusedRecoveryCodes(userId);
    }

    /** Spaces and dashes do not matter, nor case: "abcd-efgh" and "ABCD EFGH" are one code. */
    static String normalize(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    /** Recovery codes carry 80 random bits, so one SHA-256 (salted with the account) is enough; no bcrypt needed. */
    static String hash(long userId, String normalizedCode) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((userId + ":" + normalizedCode).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
