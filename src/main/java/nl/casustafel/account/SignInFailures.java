package nl.casustafel.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The table of failed sign-ins behind {@link SignInThrottle}, shared by every instance on the database.
 * Hand-written SQL: the per-username advisory lock and the compare-and-set updates are the point here.
 * Every method runs in the caller's transaction.
 */
@Singleton
class SignInFailures {

    /** Consecutive failures of a username and until when it is locked (the last failure if not locked). */
    record Failures(int count, Instant lockedUntil) {
    }

    /** The first key of the two-key advisory locks on usernames (any constant; this spells "sign"). */
    private static final int LOCK_SPACE = 0x7369676e;

    private final JdbcOperations jdbc;

    SignInFailures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Waits until no other transaction (on any instance) works on this username, until this transaction
     * ends, then reads its failures: a row that does not exist yet cannot be locked with FOR UPDATE.
     */
    Optional<Failures> lockAndRead(String key) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))", statement -> {
            statement.setInt(1, LOCK_SPACE);
            statement.setString(2, key);
            statement.execute();
            return null;
        });
        return jdbc.prepareStatement("SELECT failures, locked_until FROM sign_in_failure WHERE username_key = ?",
                statement -> {
                    statement.setString(1, key);
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next()
                                ? Optional.of(new Failures(row.getInt(1), row.getTimestamp(2).toInstant()))
                                : Optional.empty();
                    }
                });
    }

    void put(String key, Failures failures) {
        jdbc.prepareStatement("""
                INSERT INTO sign_in_failure (username_key, failures, locked_until) VALUES (?, ?, ?)
                ON CONFLICT (username_key) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until
                """, statement -> {
            statement.setString(1, key);
            statement.setInt(2, failures.count());
            statement.setTimestamp(3, Timestamp.from(failures.lockedUntil()));
            return statement.executeUpdate();
        });
    }

    void remove(String key) {
        jdbc.prepareStatement("DELETE FROM sign_in_failure WHERE username_key = ?", statement -> {
            statement.setString(1, key);
            return statement.executeUpdate();
        });
    }

    /** Removes the row only if it still holds {@code expected} (no attempt came in since). */
    void remove(String key, Failures expected) {
        jdbc.prepareStatement("DELETE FROM sign_in_failure WHERE username_key = ? AND failures = ? AND locked_until = ?",
                statement -> {
                    statement.setString(1, key);
                    statement.setInt(2, expected.count());
                    statement.setTimestamp(3, Timestamp.from(expected.lockedUntil()));
                    return statement.executeUpdate();
                });
    }

    /** Puts {@code replacement} back only if the row still holds {@code expected} (no attempt came in since). */
    void replace(String key, Failures expected, Failures replacement) {
        jdbc.prepareStatement("""
                UPDATE sign_in_failure SET failures = ?, locked_until = ?
                WHERE username_key = ? AND failures = ? AND locked_until = ?
                """, statement -> {
            statement.setInt(1, replacement.count());
            statement.setTimestamp(2, Timestamp.from(replacement.lockedUntil()));
            statement.setString(3, key);
            statement.setInt(4, expected.count());
            statement.setTimestamp(5, Timestamp.from(expected.lockedUntil()));
            return statement.executeUpdate();
        });
    }

    /** Deletes the rows whose lock (or last failure) ended before the moment; they would count as forgotten anyway. */
    int forgetEndedBefore(Instant moment) {
        return jdbc.prepareStatement("DELETE FROM sign_in_failure WHERE locked_until < ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(moment));
            return statement.executeUpdate();
        });
    }
}
