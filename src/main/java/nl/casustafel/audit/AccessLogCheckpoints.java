package nl.casustafel.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes signed checkpoints of the access log ({@code access_log_checkpoint}) and moves the external head
 * ({@link AccessLogHead}) along. A checkpoint is only written when the log still extends the last trusted
 * one (the newest correctly signed checkpoint, in the database or outside it): that row is there with the
 * signed hash and count, and every row after it links to the one before and matches its hash. So a log
 * that was cut short, or whose chain was recomputed, is never signed over; the verification reports it.
 */
@Singleton
public class AccessLogCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogCheckpoints.class);
    /** Serialises checkpoint writers; 7513 serialises the log's writers. */
    private static final long LOCK = 7514;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final AuditKey key;
    private final AccessLogHead head;
    private final Clock clock;

    public AccessLogCheckpoints(JdbcOperations jdbc, TransactionOperations<Connection> tx, AuditKey key, AccessLogHead head,
                                Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.key = key;
        this.head = head;
        this.clock = clock;
    }

    /** Signs the log's head if rows came after the last checkpoint; empty when none did or the log does not extend it. */
    public Optional<Checkpoint> write() {
        Optional<Checkpoint> written = tx.executeWrite(status -> writeInTransaction());
        written.ifPresent(head::write);
        return written;
    }

    /** Every stored checkpoint, in the order of the rows they cover; call inside a transaction. */
    List<Checkpoint> all() {
        return jdbc.prepareStatement("""
                SELECT id, at, row_count, last_row_id, head_hash, key_id, signature
                  FROM access_log_checkpoint ORDER BY last_row_id, id
                """, statement -> {
            List<Checkpoint> checkpoints = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    checkpoints.add(checkpoint(rs));
                }
            }
            return checkpoints;
        });
    }

    /** The stored checkpoint of the latest row that carries a valid signature, reading from the newest down. */
    private Optional<Checkpoint> newestSigned() {
        return jdbc.prepareStatement("""
                SELECT id, at, row_count, last_row_id, head_hash, key_id, signature
                  FROM access_log_checkpoint ORDER BY last_row_id DESC, id DESC
                """, statement -> {
            statement.setFetchSize(50);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Checkpoint checkpoint = checkpoint(rs);
                    if (checkpoint.signedBy(key)) {
                        return Optional.of(checkpoint);
                    }
                }
            }
            return Optional.empty();
        });
    }

    private static Checkpoint checkpoint(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getLong("row_count"),
                rs.getLong("last_row_id"), rs.getString("head_hash"), rs.getString("key_id"), rs.getString("signature"));
    }

    private Optional<Checkpoint> writeInTransaction() {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?)", statement -> {
            statement.setLong(1, LOCK);
            return statement.execute();
        });
        Optional<Checkpoint> trusted = lastTrusted();
        long afterId = trusted.map(Checkpoint::lastRowId).orElse(0L);
        long rows = trusted.map(Checkpoint::rowCount).orElse(0L);
        String hash = trusted.map(Checkpoint::headHash).orElse(Checkpoint.GENESIS);
        long newest = jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM access_log", statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (newest == afterId) {
            return Optional.empty();
        }
        if (afterId > 0 && !stillThere(trusted.get())) {
            LOG.error("The access log no longer holds row {} as checkpointed; no checkpoint written, run the verification", afterId);
            return Optional.empty();
        }
        Tail tail = new Tail(afterId, rows, hash);
        LogRows.walk(jdbc, afterId, tail::add);
        if (tail.brokenAt != null) {
            LOG.error("The access log's chain breaks at row {}; no checkpoint written, run the verification", tail.brokenAt);
            return Optional.empty();
        }
        if (tail.lastId == afterId) {
            return Optional.empty();
        }
        Checkpoint checkpoint = Checkpoint.sign(key, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS), tail.rows, tail.lastId, tail.hash);
        long id = jdbc.prepareStatement("""
                INSERT INTO access_log_checkpoint (at, row_count, last_row_id, head_hash, key_id, signature)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id
                """, statement -> {
            statement.setTimestamp(1, Timestamp.from(checkpoint.at()));
            statement.setLong(2, checkpoint.rowCount());
            statement.setLong(3, checkpoint.lastRowId());
            statement.setString(4, checkpoint.headHash());
            statement.setString(5, checkpoint.keyId());
            statement.setString(6, checkpoint.signature());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return Optional.of(checkpoint.withId(id));
    }

    /** The newest correctly signed checkpoint, from the database or the external head, whichever covers more. */
    private Optional<Checkpoint> lastTrusted() {
        Optional<Checkpoint> newestStored = newestSigned();
        Optional<Checkpoint> external = head.read().filter(c -> c.signedBy(key));
        return Stream.concat(newestStored.stream(), external.stream()).max(Comparator.comparingLong(Checkpoint::lastRowId));
    }

    /** The checkpointed row is there with the signed hash, and as many rows up to it as were signed. */
    private boolean stillThere(Checkpoint checkpoint) {
        return jdbc.prepareStatement("""
                SELECT (SELECT hash FROM access_log WHERE id = ?) AS hash, (SELECT count(*) FROM access_log WHERE id <= ?) AS rows
                """, statement -> {
            statement.setLong(1, checkpoint.lastRowId());
            statement.setLong(2, checkpoint.lastRowId());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return checkpoint.headHash().equals(rs.getString("hash")) && rs.getLong("rows") == checkpoint.rowCount();
            }
        });
    }

    /** The rows after the trusted checkpoint, checked link by link. */
    private static final class Tail {
        private long lastId;
        private long rows;
        private String hash;
        private Long brokenAt;

        Tail(long lastId, long rows, String hash) {
            this.lastId = lastId;
            this.rows = rows;
            this.hash = hash;
        }

        boolean add(LogRows.Row row) {
            if (!row.prevHash().equals(hash) || !row.sealed()) {
                brokenAt = row.id();
                return false;
            }
            lastId = row.id();
            rows++;
            hash = row.hash();
            return true;
        }
    }
}
