package nl.casustafel.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 6238 as the authenticator apps make it, and the window of one step either side. */
class TotpTest {

    private final Totp totp = new Totp();

    /** The SHA-1 test vectors of RFC 6238 appendix B (8 digits there; an app shows the last 6). */
    @ParameterizedTest
    @CsvSource({
            "59, 287082",
            "1111111109, 081804",
            "1234567890, 005924",
            "2000000000, 279037"})
    void codesMatchTheTestVectorsOfRfc6238(long epochSecond, String code) {
        String rfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"; // Base32 of "12345678901234567890"
        assertEquals(code, totp.code(rfcSecret, Totp.step(Instant.ofEpochSecond(epochSecond))));
    }

    @Test
    void theCodeOfTheStepBeforeOrAfterIsAcceptedButNotTwoStepsAway() {
        String secret = totp.newSecret();
        Instant now = Instant.parse("2026-12-01T10:00:10Z");
        long step = Totp.step(now);
        assertEquals(OptionalLong.of(step), totp.matchingStep(secret, totp.code(secret, step), now));
        assertEquals(OptionalLong.of(step - 1), totp.matchingStep(secret, totp.code(secret, step - 1), now));
        assertEquals(OptionalLong.of(step + 1), totp.matchingStep(secret, totp.code(secret, step + 1), now));
        assertTrue(totp.matchingStep(secret, totp.code(secret, step - 2), now).isEmpty(), "a minute old");
        assertTrue(totp.matchingStep(secret, totp.code(secret, step + 2), now).isEmpty(), "a minute ahead");
    }

    @Test
    void anythingButSixDigitsIsNoCode() {
        String secret = totp.newSecret();
        Instant now = Instant.now();
        assertTrue(totp.matchingStep(secret, null, now).isEmpty());
        assertTrue(totp.matchingStep(secret, "", now).isEmpty());
        assertTrue(totp.matchingStep(secret, "12345", now).isEmpty());
        assertTrue(totp.matchingStep(secret, "abcdef", now).isEmpty());
    }

    @Test
    void newSecretsHave160BitsInBase32AndTheQrCodeIsAPng() {
        String secret = totp.newSecret();
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        assertTrue(totp.uri("zorg.dijkstad", secret).startsWith("otpauth://totp/"), totp.uri("zorg.dijkstad", secret));
        assertTrue(totp.uri("zorg.dijkstad", secret).contains("secret=" + secret));
        byte[] png = totp.qrPng("zorg.dijkstad", secret);
        assertEquals((byte) 0x89, png[0]);
        assertEquals("PNG", new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
    }
}
