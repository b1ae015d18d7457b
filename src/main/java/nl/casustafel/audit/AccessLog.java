package nl.casustafel.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the access log: one row per identified read (who, party, pupil, context, basis), in the
 * transaction of the read, before the data is returned. The database chains the rows by hash and
 * refuses updates and deletes.
 * <p>
 * One transaction is one read: a pupil that the same user already read in this transaction is not logged
 * again (the first row, with its context, stands). A screen or answer that reads a pupil through several
 * services (the agenda, then the notes of its item) thus logs each identified pupil once, as long as it
 * reads in one transaction.
 * <p>
 * Inside a transaction the rows are gathered and written in one batch just before it commits (issue 14): the
 * chain's trigger takes the one writer's lock ({@code pg_advisory_xact_lock(7513)}) until the commit, so writing
 * at the end holds it for the insert and the commit only, not for the rest of a long read; and a pupil already
 * gathered is not written twice without asking the database. If the insert fails, the transaction rolls back and
 * the read's caller gets the error, not the data. Outside a transaction a call writes at once.
 */
@Singleton
public class AccessLog {

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    /** The rows gathered per open transaction, by its connection; removed when the transaction completes. */
    private final Map<Connection, Gathered> open = new ConcurrentHashMap<>();

    public AccessLog(JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * One identified read of one pupil, with the basis the privacy kernel read it under: its kind
     * ({@code ENROLMENT}, {@code DUO_REPORT}, {@code CONSENT}, …) and the id of the record it rests on.
     */
    public record Read(long pupilId, String context, String basisKind, @Nullable Long basisId) {
    }

    /** A row to write: one viewer's read of one pupil. */
    private record Row(Viewer viewer, Read read) {
    }

    /** Who read whom: the key under which a transaction logs a pupil once per user. */
    private record Reader(long userId, long pupilId) {
    }

    public void record(Viewer viewer, List<Read> reads) {
        record(Map.of(viewer, reads));
    }

    /** The reads of several viewers (live screens that share one read of a meeting), in one batched insert. */
    public void record(Map<Viewer, List<Read>> readsByViewer) {
        if (readsByViewer.values().stream().allMatch(List::isEmpty)) {
            return;
        }
        Optional<Gathered> gathered = gatheredForThisTransaction();
        if (gathered.isPresent()) {
            gathered.get().add(readsByViewer);
            return;
        }
        Map<Reader, Row> rows = new LinkedHashMap<>();
        add(rows, readsByViewer);
        write(rows.values());
    }

    /**
     * Writes what this transaction has gathered so far, so that it can read its own reads back (the access overview
     * shows the whole log of a pupil, including the overview's own read); later reads are written at once.
     */
    public void writeGathered() {
        Optional<? extends TransactionStatus<?>> status = transactions.findTransactionStatus();
        if (status.isPresent() && status.get().getConnection() instanceof Connection connection) {
            Gathered gathered = open.get(connection);
            if (gathered != null) {
                gathered.beforeCommit(false);
            }
        }
    }

    private Optional<Gathered> gatheredForThisTransaction() {
        Optional<? extends TransactionStatus<?>> status = transactions.findTransactionStatus();
        if (status.isEmpty() || !(status.get().getConnection() instanceof Connection connection) || autoCommit(connection)) {
            return Optional.empty();
        }
        return Optional.of(open.computeIfAbsent(connection, c -> {
            Gathered fresh = new Gathered(c);
            status.get().registerSynchronization(fresh);
            return fresh;
        }));
    }

    private static boolean autoCommit(Connection connection) {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            return true;
        }
    }

    private static void add(Map<Reader, Row> rows, Map<Viewer, List<Read>> readsByViewer) {
        readsByViewer.forEach((viewer, reads) -> reads.forEach(read ->
                rows.putIfAbsent(new Reader(viewer.userId(), read.pupilId()), new Row(viewer, read))));
    }

    private void write(Collection<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("""
                INSERT INTO access_log (user_id, username, party_id, pupil_id, context, basis_kind, basis_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, statement -> {
            for (Row row : rows) {
                statement.setLong(1, row.viewer().userId());
                statement.setString(2, row.viewer().username());
                statement.setLong(3, row.viewer().partyId());
                statement.setLong(4, row.read().pupilId());
                statement.setString(5, row.read().context());
                statement.setString(6, row.read().basisKind());
                statement.setObject(7, row.read().basisId(), java.sql.Types.BIGINT);
                statement.addBatch();
            }
            statement.executeBatch();
            return null;
        });
    }

    /** One transaction's reads: gathered until just before its commit, then written; later reads are written at once. */
    private final class Gathered implements TransactionSynchronization {

        private final Connection connection;
        private final Map<Reader, Row> rows = new LinkedHashMap<>();
        private final java.util.Set<Reader> written = new java.util.HashSet<>();
        private boolean flushed;

        Gathered(Connection connection) {
            this.connection = connection;
        }

        /** Gathers the reads, or (after the flush, from another before-commit step) writes the new ones at once. */
        synchronized void add(Map<Viewer, List<Read>> readsByViewer) {
            if (!flushed) {
                AccessLog.add(rows, readsByViewer);
                return;
            }
            Map<Reader, Row> late = new LinkedHashMap<>();
            AccessLog.add(late, readsByViewer);
            late.keySet().removeAll(written);
            written.addAll(late.keySet());
            write(late.values());
        }

        @Override
        public synchronized void beforeCommit(boolean readOnly) {
            flushed = true;
            written.addAll(rows.keySet());
            List<Row> toWrite = new ArrayList<>(rows.values());
            rows.clear();
            write(toWrite);
        }

        @Override
        public void afterCompletion(Status status) {
            open.remove(connection, this);
        }
    }
}
