package nl.casustafel.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.Basis;

import java.util.List;

/**
 * Writes the access log: one row per identified read (who, party, pupil, context, basis), in the
 * transaction of the read, before the data is returned. The database chains the rows by hash and
 * refuses updates and deletes.
 */
@Singleton
public class AccessLog {

    private final JdbcOperations jdbc;

    public AccessLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One identified read of one pupil. */
    public record Read(long pupilId, String context, Basis basis) {
    }

    public void record(Viewer viewer, List<Read> reads) {
        if (reads.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("""
                INSERT INTO access_log (user_id, username, party_id, pupil_id, context, basis_kind, basis_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, statement -> {
            for (Read read : reads) {
                statement.setLong(1, viewer.userId());
                statement.setString(2, viewer.username());
                statement.setLong(3, viewer.partyId());
                statement.setLong(4, read.pupilId());
                statement.setString(5, read.context());
                statement.setString(6, read.basis().kind().name());
                statement.setObject(7, read.basis().id());
                statement.addBatch();
            }
            statement.executeBatch();
            return null;
        });
    }
}
