package nl.casustafel.audit;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * A signed statement that the access log held {@code rowCount} rows up to and including row
 * {@code lastRowId}, whose hash was {@code headHash}, at {@code at}. {@code id} is the row in
 * {@code access_log_checkpoint}; null for one not stored yet.
 */
public record Checkpoint(@Nullable Long id, Instant at, long rowCount, long lastRowId, String headHash, String keyId,
                         String signature) {

    /** The head of an empty log. */
    static final String GENESIS = "0".repeat(64);

    /** What is signed: every field but the id, which the database assigns. */
    static String payload(Instant at, long rowCount, long lastRowId, String headHash, String keyId) {
        return String.join("|", "casustafel-access-log-checkpoint-v1", Long.toString(at.toEpochMilli()),
                Long.toString(rowCount), Long.toString(lastRowId), headHash, keyId);
    }

    static Checkpoint sign(AuditKey key, Instant at, long rowCount, long lastRowId, String headHash) {
        return new Checkpoint(null, at, rowCount, lastRowId, headHash, key.currentId(),
                key.sign(payload(at, rowCount, lastRowId, headHash, key.currentId())));
    }

    boolean signedBy(AuditKey key) {
        return key.verifies(keyId, payload(at, rowCount, lastRowId, headHash, keyId), signature);
    }

    /** The same statement (ignoring the stored id). */
    boolean sameAs(Checkpoint other) {
        return at.equals(other.at) && rowCount == other.rowCount && lastRowId == other.lastRowId
                && headHash.equals(other.headHash) && keyId.equals(other.keyId) && signature.equals(other.signature);
    }

    Checkpoint withId(long newId) {
        return new Checkpoint(newId, at, rowCount, lastRowId, headHash, keyId, signature);
    }
}
