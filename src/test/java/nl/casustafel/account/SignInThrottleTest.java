package nl.casustafel.account;

import nl.casustafel.covenant.Role;
import nl.casustafel.covenant.PartyType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in throttling on a clock the test moves: 5 failures lock a username, the lock doubles up to 15 minutes. */
class SignInThrottleTest {

    private static final Viewer BEHEER = new Viewer(1, "beheer", "Beheerder", Role.ADMIN, 1, "SWV", PartyType.PARTNERSHIP,
            Set.of(), Set.of());

    private final MovableClock clock = new MovableClock();
    private final SignInThrottle throttle = new SignInThrottle(clock);
    private final AtomicInteger passwordChecks = new AtomicInteger();

    @Test
    void fiveFailuresLockTheUsernameEvenForTheRightPasswordUntilTheLockHasPassed() {
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(SignIn.Refused.class, wrong("beheer"));
        }
        SignIn.Locked locked = assertInstanceOf(SignIn.Locked.class, right("beheer"));
        assertEquals(Duration.ofMinutes(1), locked.retryAfter());
        assertEquals("Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.", locked.message());
        assertEquals(5, passwordChecks.get(), "a locked attempt does not check the password");

        clock.move(Duration.ofSeconds(59));
        assertInstanceOf(SignIn.Locked.class, right("beheer"));
        clock.move(Duration.ofSeconds(1));
        assertInstanceOf(SignIn.SignedIn.class, right("beheer"));

        for (int i = 0; i < 4; i++) {
            assertInstanceOf(SignIn.Refused.class, wrong("beheer"));
        }
        assertInstanceOf(SignIn.SignedIn.class, right("beheer"), "the successful sign-in reset the count");
    }

    @Test
    void everyFailureAfterTheFifthDoublesTheLockUpToFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            wrong("beheer");
        }
        for (int minutes : new int[] {1, 2, 4, 8, 15, 15}) {
            assertInstanceOf(SignIn.Refused.class, wrong("beheer"));
            SignIn.Locked locked = assertInstanceOf(SignIn.Locked.class, wrong("beheer"));
            assertEquals(Duration.ofMinutes(minutes), locked.retryAfter());
            clock.move(locked.retryAfter());
        }
    }

    @Test
    void unknownUsernamesAreLockedTheSameWayAndOtherUsernamesAreNot() {
        for (int i = 0; i < 5; i++) {
            wrong("niemand");
        }
        SignIn.Locked locked = assertInstanceOf(SignIn.Locked.class, wrong("niemand"));
        assertEquals("Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.", locked.message());
        assertInstanceOf(SignIn.Locked.class, wrong(" Niemand "), "the same username however typed");
        assertInstanceOf(SignIn.SignedIn.class, right("beheer"));
    }

    @Test
    void failuresAreForgottenAfterAnHourWithoutAny() {
        for (int i = 0; i < 4; i++) {
            wrong("beheer");
        }
        clock.move(Duration.ofMinutes(61));
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(SignIn.Refused.class, wrong("beheer"));
        }
        assertInstanceOf(SignIn.SignedIn.class, right("beheer"));
    }

    @Test
    void theThrottleRemembersABoundedNumberOfUsernames() {
        for (int i = 0; i < SignInThrottle.MAX_TRACKED + 500; i++) {
            wrong("gebruiker" + i);
        }
        assertTrue(throttle.tracked() <= SignInThrottle.MAX_TRACKED, "tracked: " + throttle.tracked());
        clock.move(Duration.ofHours(2));
        wrong("nog een");
        assertEquals(1, throttle.tracked(), "forgotten entries make room first");
    }

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({
            "1,   Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.",
            "60,  Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.",
            "61,  Te veel mislukte pogingen. Probeer het over 2 minuten opnieuw.",
            "900, Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.",
    })
    void theMessageRoundsTheWaitUpToWholeMinutes(long seconds, String message) {
        assertEquals(message, new SignIn.Locked(Duration.ofSeconds(seconds)).message());
    }

    @Test
    void aPassedFirstStepTakesBackOnlyItsOwnCountSoFailedCodesAddUpWithFailedPasswords() {
        for (int i = 0; i < 3; i++) {
            wrong("beheer");
        }
        for (int round = 0; round < 2; round++) {
            SignInThrottle.Attempt password = throttle.begin("beheer");
            assertTrue(password.locked().isEmpty());
            password.passedFirstStep();
            assertInstanceOf(SignIn.Refused.class, throttle.attempt("beheer", Optional::empty), "wrong code");
        }
        assertTrue(throttle.begin("beheer").locked().isPresent(), "3 wrong passwords and 2 wrong codes lock");
    }

    private SignIn wrong(String username) {
        return throttle.attempt(username, () -> {
            passwordChecks.incrementAndGet();
            return Optional.empty();
        });
    }

    private SignIn right(String username) {
        return throttle.attempt(username, () -> {
            passwordChecks.incrementAndGet();
            return Optional.of(BEHEER);
        });
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T09:00:00Z");

        void move(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
