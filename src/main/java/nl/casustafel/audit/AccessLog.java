package nl.casustafel.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the access log: one row per identified read (who, party, pupil, context, basis), in the
 * transaction of the read, before the data is returned. The database chains the rows by hash and
 * refuses updates and deletes.
 * <p>
 * One transaction is one read: a pupil that the same user already read in this transaction is not logged
 * again (the first row, with its context, stands). A screen or answer that reads a pupil through several
 * services (the agenda, then the notes of its item) thus logs each identified pupil once, as long as it
 * reads in one transaction. The database tells which rows this transaction wrote ({@code xmin}).
 */
@Singleton
public class AccessLog {

    private final JdbcOperations jdbc;

    public AccessLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One identified read of one pupil, with the basis the privacy kernel read it under: its kind
     * ({@code ENROLMENT}, {@code DUO_REPORT}, {@code CONSENT}, …) and the id of the record it rests on.
     */
    public record Read(long pupilId, String context, String basisKind, @Nullable Long basisId) {
    }

    public void record(Viewer viewer, List<Read> reads) {
        record(java.util.Map.of(viewer, reads));
    }

    /** The reads of several viewers (live screens that share one read of a meeting), in one batched insert. */
    public void record(java.util.Map<Viewer, List<Read>> readsByViewer) {
        if (readsByViewer.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        jdbc.prepareStatement("""
                INSERT INTO access_log (user_id, username, party_id, pupil_id, context, basis_kind, basis_id)
                SELECT ?::bigint, ?::varchar, ?::bigint, ?::bigint, ?::varchar, ?::varchar, ?::bigint
                 WHERE NOT EXISTS (SELECT 1 FROM access_log
                                    WHERE pupil_id = ? AND at >= now() AND user_id = ? AND xmin = pg_current_xact_id()::xid)
                """, statement -> {
            for (java.util.Map.Entry<Viewer, List<Read>> entry : readsByViewer.entrySet()) {
            Viewer viewer = entry.getKey();
            Set<Long> pupils = new HashSet<>();
            for (Read read : entry.getValue()) {
                if (!pupils.add(read.pupilId())) {
                    continue;
                }
                statement.setLong(1, viewer.userId());
                statement.setString(2, viewer.username());
                statement.setLong(3, viewer.partyId());
                statement.setLong(4, read.pupilId());
                statement.setString(5, read.context());
                statement.setString(6, read.basisKind());
                statement.setObject(7, read.basisId(), java.sql.Types.BIGINT);
                statement.setLong(8, read.pupilId());
                statement.setLong(9, viewer.userId());
                statement.addBatch();
            }
            }
            statement.executeBatch();
            return null;
        });
    }
}
