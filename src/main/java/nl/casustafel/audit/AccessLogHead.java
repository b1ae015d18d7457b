package nl.casustafel.audit;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

/**
 * The newest checkpoint, kept outside the database in a file next to the audit key, so that removing the
 * newest log rows together with their checkpoints still shows. One file per database: its name holds the
 * PostgreSQL cluster's system identifier and the database name, so a freshly made database (e.g. after the
 * embedded {@code pgdata} folder was deleted) starts without one, while the same database emptied by hand
 * does not. The file is only ever moved forward (to a checkpoint of a later row) and replaced atomically.
 */
@Singleton
public class AccessLogHead {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogHead.class);

    private final TransactionOperations<Connection> tx;
    private final Path folder;
    private volatile Path file;

    public AccessLogHead(TransactionOperations<Connection> tx, AuditKey key) {
        this.tx = tx;
        this.folder = key.folder();
    }

    /** The checkpoint last written for this database, if any; a line that cannot be read counts as a broken signature. */
    public Optional<Checkpoint> read() {
        Path path = file();
        if (Files.notExists(path)) {
            return Optional.empty();
        }
        try {
            String[] f = Files.readString(path, StandardCharsets.US_ASCII).trim().split(" ");
            return Optional.of(new Checkpoint(Long.parseLong(f[0]), Instant.ofEpochMilli(Long.parseLong(f[1])),
                    Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], f[5], f[6]));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the access log head " + path, e);
        } catch (RuntimeException e) {
            return Optional.of(new Checkpoint(null, Instant.EPOCH, -1, -1, "?", "?", "?"));
        }
    }

    /** Moves the head forward to this (stored) checkpoint; an older one than the head leaves it as it is. */
    public synchronized void write(Checkpoint checkpoint) {
        Optional<Checkpoint> current = read();
        if (current.isPresent() && current.get().lastRowId() > checkpoint.lastRowId()) {
            return;
        }
        Path path = file();
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "access-log-head", ".new");
            try {
                restrict(temporary);
                Files.writeString(temporary, String.join(" ", String.valueOf(checkpoint.id()),
                        Long.toString(checkpoint.at().toEpochMilli()), Long.toString(checkpoint.rowCount()),
                        Long.toString(checkpoint.lastRowId()), checkpoint.headHash(), checkpoint.keyId(), checkpoint.signature()) + "\n",
                        StandardCharsets.US_ASCII);
                move(temporary, path);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // The checkpoint is in the database all the same; only the outside copy lags behind.
            LOG.error("Could not write the access log head {}: {}", path, e.getMessage());
        }
    }

    /** Where the head of this database is kept. */
    public Path file() {
        Path known = file;
        if (known == null) {
            known = folder.resolve("access-log-head-" + databaseIdentity() + ".txt");
            file = known;
        }
        return known;
    }

    private String databaseIdentity() {
        String name = query("SELECT current_database()");
        String cluster;
        try {
            cluster = query("SELECT system_identifier::text FROM pg_control_system()");
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the PostgreSQL system identifier ({}); the access log head is kept per database name only",
                    e.getMessage());
            cluster = "cluster";
        }
        return cluster + "-" + name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private String query(String sql) {
        // A transaction of its own: a refused function must not abort the caller's transaction.
        return tx.execute(TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW), status -> {
            try (var statement = status.getConnection().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restrict(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions on this file system
        }
    }
}
