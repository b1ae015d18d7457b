package nl.casustafel.account;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.absence.TestSql;
import nl.casustafel.covenant.Role;
import nl.casustafel.covenant.PartyType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in throttling on a clock the test moves: 5 failures lock a username, the lock doubles up to 15 minutes.
 * The failures live in the database (shared by every instance); the usernames here are the test's own, so
 * that no other test's sign-in meets a lock made here.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInThrottleTest implements CasustafelTestProperties {

    private static final Viewer BEHEER = new Viewer(1, "beheer", "Beheerder", Role.ADMIN, 1, "SWV", PartyType.PARTNERSHIP,
            Set.of(), Set.of());

    private static final String PREFIX = "throttle-test-";
    private static final String BEHEER_NAME = PREFIX + "beheer";

    @Inject
    SignInFailures failures;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    TestSql sql;

    private final MovableClock clock = new MovableClock();
    private SignInThrottle throttle;

    @BeforeEach
    void fresh() {
        forgetTestUsernames();
        passwordChecks.set(0);
        throttle = new SignInThrottle(failures, tx, clock);
    }

    @AfterAll
    void forgetTestUsernames() {
        sql.update("DELETE FROM sign_in_failure WHERE username_key LIKE '" + PREFIX + "%'");
    }
    private final AtomicInteger passwordChecks = new AtomicInteger();

    @Test
    void fiveFailuresLockTheUsernameEvenForTheRightPasswordUntilTheLockHasPassed() {
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(SignIn.Refused.class, wrong(BEHEER_NAME));
        }
        SignIn.Locked locked = assertInstanceOf(SignIn.Locked.class, right(BEHEER_NAME));
        assertEquals(Duration.ofMinutes(1), locked.retryAfter());
        assertEquals("Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.", locked.message());
        assertEquals(5, passwordChecks.get(), "a locked attempt does not check the password");

        clock.move(Duration.ofSeconds(59));
        assertInstanceOf(SignIn.Locked.class, right(BEHEER_NAME));
        clock.move(Duration.ofSeconds(1));
        assertInstanceOf(SignIn.SignedIn.class, right(BEHEER_NAME));

        for (int i = 0; i < 4; i++) {
            assertInstanceOf(SignIn.Refused.class, wrong(BEHEER_NAME));
        }
        assertInstanceOf(SignIn.SignedIn.class, right(BEHEER_NAME), "the successful sign-in reset the count");
    }

    @Test
    void everyFailureAfterTheFifthDoublesTheLockUpToFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            wrong(BEHEER_NAME);
        }
        for (int minutes : new int[] {1, 2, 4, 8, 15, 15}) {
            assertInstanceOf(SignIn.Refused.class, wrong(BEHEER_NAME));
            SignIn.Locked locked = assertInstanceOf(SignIn.Locked.class, wrong(BEHEER_NAME));
            assertEquals(Duration.ofMinutes(minutes), locked.retryAfter());
            clock.move(locked.retryAfter());
        }
    }

    @Test
    void unknownUsernamesAreLockedTheSameWayAndOtherUsernamesAreNot() {
        for (int i = 0; i < 5; i++) {
            wrong(PREFIX + "niemand");
        }
        SignIn.Locked locked = assertInstanceOf(SignIn.Locked.class, wrong(PREFIX + "niemand"));
        assertEquals("Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.", locked.message());
        assertInstanceOf(SignIn.Locked.class, wrong(" " + PREFIX + "Niemand "), "the same username however typed");
        assertInstanceOf(SignIn.SignedIn.class, right(BEHEER_NAME));
    }

    @Test
    void failuresAreForgottenAfterAnHourWithoutAny() {
        for (int i = 0; i < 4; i++) {
            wrong(BEHEER_NAME);
        }
        clock.move(Duration.ofMinutes(61));
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(SignIn.Refused.class, wrong(BEHEER_NAME));
        }
        assertInstanceOf(SignIn.SignedIn.class, right(BEHEER_NAME));
    }

    @Test
    void aLockMadeByOneThrottleHoldsForAnotherOnTheSameDatabase() {
        for (int i = 0; i < 5; i++) {
            wrong(BEHEER_NAME);
        }
        SignInThrottle otherInstance = new SignInThrottle(failures, tx, clock);
        assertInstanceOf(SignIn.Locked.class, otherInstance.attempt(BEHEER_NAME, () -> Optional.of(BEHEER)));
    }

    @Test
    void forgottenFailuresAreDeleted() {
        wrong(BEHEER_NAME);
        clock.move(Duration.ofHours(2));
        throttle.forgetOld();
        assertEquals(0, (int) sql.<Integer>query("SELECT count(*) FROM sign_in_failure WHERE username_key = '" + BEHEER_NAME + "'",
                statement -> {
                    try (var rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getInt(1);
                    }
                }));
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
            wrong(BEHEER_NAME);
        }
        for (int round = 0; round < 2; round++) {
            SignInThrottle.Attempt password = throttle.begin(BEHEER_NAME);
            assertTrue(password.locked().isEmpty());
            password.passedFirstStep();
            assertInstanceOf(SignIn.Refused.class, throttle.attempt(BEHEER_NAME, Optional::empty), "wrong code");
        }
        assertTrue(throttle.begin(BEHEER_NAME).locked().isPresent(), "3 wrong passwords and 2 wrong codes lock");
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
        // now, not a fixed day: the application's own throttle deletes rows an hour past their lock by the real clock
        private Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

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
