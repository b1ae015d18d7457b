package nl.casustafel;

import nl.casustafel.account.Totp;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Codes of the second factor for tests, as an authenticator app with the demo secret would show them
 * ({@code demoTotpSecret} in {@code config/demo/region.yaml}). The server accepts each time step once per
 * account, so {@link #code(String)} remembers the steps it gave out per username (test JVMs share one
 * database) and uses the step before or after the current one, or waits, rather than repeat one.
 */
public final class DemoTotp {

    public static final String SECRET = "CASUSTAFELDEMOTOTPSECRETDIJKSTAD";
    private static final long PERIOD = 30;
    private static final Totp TOTP = new Totp();
    private static final Map<String, Long> LAST_STEP = new ConcurrentHashMap<>();

    private DemoTotp() {
    }

    /** The code the app shows now for the demo secret. */
    public static String code() {
        return TOTP.code(SECRET, Totp.step(Instant.now()));
    }

    /** A code for this demo account that the server has not seen yet. */
    public static String code(String username) {
        return code(SECRET, username);
    }

    /** A code for this secret and account that the server has not seen yet (an account enrolled in a test). */
    public static synchronized String code(String secret, String username) {
        while (true) {
            Instant now = Instant.now();
            long current = Totp.step(now);
            long secondsIntoStep = now.getEpochSecond() % PERIOD;
            // the step before stays valid until the current one ends: use it only with time to spare
            long earliest = secondsIntoStep < 15 ? current - 1 : current;
            long step = Math.max(earliest, LAST_STEP.getOrDefault(username, Long.MIN_VALUE) + 1);
            if (step <= current + 1) {
                LAST_STEP.put(username, step);
                return TOTP.code(secret, step);
            }
            sleep(Duration.ofSeconds(PERIOD - secondsIntoStep));
        }
    }

    /** Six digits that are no code of this secret around now. */
    public static String wrongCode(String secret) {
        long now = Totp.step(Instant.now());
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            boolean valid = false;
            for (long step = now - 2; step <= now + 2; step++) {
                valid |= TOTP.code(secret, step).equals(code);
            }
            if (!valid) {
                return code;
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
