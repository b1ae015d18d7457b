package nl.casustafel.platform;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Runs a job on one instance of the cluster at a time, with a PostgreSQL advisory lock.
 * <p>
 * Session-level ({@code pg_try_advisory_lock}), on a connection of its own held for the whole run: the
 * jobs it guards commit in many small transactions (one per pupil), which a transaction-level lock could
 * not span. The lock ends with the run ({@code pg_advisory_unlock}), or when the holder dies (PostgreSQL
 * releases a session's locks when its connection ends). It is tried, never waited for: an instance that
 * does not get it skips the run, because another instance is doing the same work.
 */
@Singleton
public class ClusterLock {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLock.class);
    /** The first key of the two-key advisory locks on jobs (any constant; this spells "job!"). */
    private static final int LOCK_SPACE = 0x6a6f6221;

    private final DedicatedConnections connections;

    public ClusterLock(DedicatedConnections connections) {
        this.connections = connections;
    }

    /** Runs the work if no other instance runs the job of this name; false if it was skipped. */
    public boolean runAlone(String job, Runnable work) {
        try (Connection connection = connections.open("lock")) {
            if (!call(connection, "SELECT pg_try_advisory_lock(?, hashtext(?))", job)) {
                LOG.info("Job {} skipped: another instance is running it", job);
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                call(connection, "SELECT pg_advisory_unlock(?, hashtext(?))", job);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the cluster lock of job " + job, e);
        }
    }

    private static boolean call(Connection connection, String sql, String job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, LOCK_SPACE);
            statement.setString(2, job);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
