package nl.casustafel.account;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.casustafel.account.SignInFailures.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} consecutive failed sign-ins for a
 * username, the next attempt is refused without checking the password until a lock has passed —
 * 1 minute, doubling with every further failure, at most 15 minutes. Unknown usernames are counted
 * and locked the same way, so a lock says nothing about whether the account exists. A successful
 * sign-in forgets the failures, and so does an hour without any.
 * <p>
 * Kept in the database (table {@code sign_in_failure}), so that every instance of a cluster counts the
 * same failures: a username locked on one instance is locked on all. Rows an hour past their lock are
 * deleted every few minutes.
 */
@Singleton
public class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(1);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_KEY_LENGTH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottle.class);

    private final SignInFailures failures;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    public SignInThrottle(SignInFailures failures, TransactionOperations<Connection> tx, Clock clock) {
        this.failures = failures;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Runs the check (password, or password and code) unless the username is locked. The attempt counts
     * as a failure before the check, in one step with the lock test, so parallel guesses cannot slip past
     * the limit; a successful check then forgets the failures.
     */
    public SignIn attempt(String username, Supplier<Optional<Viewer>> check) {
        Attempt attempt = begin(username);
        if (attempt.locked().isPresent()) {
            return attempt.locked().get();
        }
        Optional<Viewer> viewer = check.get();
        if (viewer.isPresent()) {
            attempt.succeeded();
            return new SignIn.SignedIn(viewer.get());
        }
        attempt.failed();
        return new SignIn.Refused();
    }

    /**
     * Starts one attempt for this username: refused at once if it is locked, else counted as a failure
     * until the caller says otherwise. A sign-in in two steps (password, then second factor) calls
     * {@link Attempt#passedFirstStep()} for a right password, which takes back only this attempt's count:
     * earlier failures stay, so failed codes add up with failed passwords under the same username.
     * The test and the count are one transaction that holds the username's advisory lock, so parallel
     * attempts on any instance are counted one after the other.
     */
    public Attempt begin(String username) {
        String key = key(username);
        // whole microseconds: what PostgreSQL stores, so the compare-and-set of passedFirstStep matches
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return tx.executeWrite(status -> {
            Optional<Failures> before = failures.lockAndRead(key);
            if (before.isPresent() && now.isBefore(before.get().lockedUntil())) {
                return new Attempt(key, null, null, new SignIn.Locked(Duration.between(now, before.get().lockedUntil())));
            }
            int count = before.isEmpty() || forgotten(before.get(), now) ? 1 : before.get().count() + 1;
            Failures after = new Failures(count, count < FREE_FAILURES ? now : now.plus(lock(count)));
            failures.put(key, after);
            return new Attempt(key, before.orElse(null), after, null);
        });
    }

    /** One attempt under way: counted as failed unless {@link #succeeded()} or {@link #passedFirstStep()}. */
    public final class Attempt {

        private final String key;
        private final Failures before;
        private final Failures after;
        private final SignIn.Locked locked;

        private Attempt(String key, Failures before, Failures after, SignIn.Locked locked) {
            this.key = key;
            this.before = before;
            this.after = after;
            this.locked = locked;
        }

        /** Present when the username is locked: then nothing may be checked. */
        public Optional<SignIn.Locked> locked() {
            return Optional.ofNullable(locked);
        }

        /** The whole sign-in succeeded: the failures are forgotten. */
        public void succeeded() {
            tx.executeWrite(status -> {
                failures.remove(key);
                return null;
            });
        }

        /** A first step passed (a right password): this attempt no longer counts, earlier failures do. */
        public void passedFirstStep() {
            tx.executeWrite(status -> {
                if (before == null) {
                    failures.remove(key, after);
                } else {
                    failures.replace(key, after, before);
                }
                return null;
            });
        }

        /** The check failed: the attempt stays counted. */
        public void failed() {
            if (after != null && after.count() >= FREE_FAILURES) {
                LOG.warn("Sign-in locked for username '{}' for {} min after {} consecutive failed attempts",
                        key, lock(after.count()).toMinutes(), after.count());
            }
        }
    }

    /** Every few minutes: deletes the failures that count as forgotten (an hour past their lock). */
    @Scheduled(fixedDelay = "5m", initialDelay = "1m")
    void forgetOld() {
        Instant before = clock.instant().minus(FORGET_AFTER);
        tx.executeWrite(status -> failures.forgetEndedBefore(before));
    }

    /** The lock after the {@code count}th consecutive failure (count &ge; {@value #FREE_FAILURES}). */
    static Duration lock(int count) {
        int doublings = Math.min(count - FREE_FAILURES, 4);
        Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
        return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
    }

    private static boolean forgotten(Failures entry, Instant now) {
        return now.isAfter(entry.lockedUntil().plus(FORGET_AFTER));
    }

    /** One entry per username however it is typed; never a control character in the log. */
    private static String key(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT).replaceAll("\\p{Cntrl}", "?");
        return key.length() > MAX_KEY_LENGTH ? key.substring(0, MAX_KEY_LENGTH) : key;
    }
}
