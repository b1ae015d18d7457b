package nl.casustafel.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.pupil.PupilSearch;
import nl.casustafel.pupil.PupilService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What someone with full write access to the database, but without the audit key, can no longer hide in the
 * access log. Each attack runs as a superuser would (triggers off) in a transaction that is rolled back after
 * the verification has looked at it, so the log stays whole for the other tests.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogCheckpointTest implements CasustafelTestProperties {

    @Inject
    PupilService pupils;
    @Inject
    AccountService accounts;
    @Inject
    AccessLogChain chain;
    @Inject
    AccessLogCheckpoints checkpoints;
    @Inject
    AccessLogHead head;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> tx;

    private long checkpointed;

    /** Some reads, then a checkpoint of the head: the state every attack starts from. */
    @BeforeEach
    void readAndCheckpoint() {
        pupils.listOwnSchools(accounts.viewer("zorg.regenboog").orElseThrow(), PupilSearch.all());
        checkpoints.write();
        checkpointed = head.read().orElseThrow().lastRowId();
        assertEquals(lastId(), checkpointed, "the newest checkpoint is kept outside the database too");
    }

    @Test
    void anUntouchedLogVerifies() {
        AccessLogChain.Verification verification = chain.checkpointAndVerify();
        assertTrue(verification.intact(), verification.explanation());
        assertNull(verification.firstBrokenRow());
        assertTrue(verification.checkpointsChecked() > 0);
        assertTrue(verification.explanation().startsWith("Het logboek is intact"), verification.explanation());
    }

    @Test
    void deletingTheNewestRowsIsDetectedAndNamesTheMissingRow() {
        AccessLogChain.Verification verification = tampered(() -> {
            sql("SET LOCAL session_replication_role = replica");
            sql("DELETE FROM access_log WHERE id > " + (checkpointed - 3));
            return chain.verify();
        });
        assertFalse(verification.intact());
        assertEquals(checkpointed, verification.firstBrokenRow());
        assertTrue(verification.explanation().contains("Regel " + checkpointed + " ontbreekt"), verification.explanation());
        assertTrue(verification.explanation().contains("de nieuwste regels zijn verwijderd"), verification.explanation());
        assertTrue(chain.verify().intact(), "rolled back: whole again");
    }

    @Test
    void deletingTheNewestRowsWithTheirCheckpointsIsDetectedThroughTheHeadOutsideTheDatabase() {
        AccessLogChain.Verification verification = tampered(() -> {
            sql("ALTER TABLE access_log DISABLE TRIGGER ALL");
            sql("ALTER TABLE access_log_checkpoint DISABLE TRIGGER ALL");
            sql("DELETE FROM access_log WHERE id > " + (checkpointed - 3));
            sql("DELETE FROM access_log_checkpoint WHERE last_row_id > " + (checkpointed - 3));
            assertEquals(Optional.empty(), checkpoints.write(), "a log cut short is never signed over");
            return chain.verify();
        });
        assertFalse(verification.intact());
        assertEquals(checkpointed, verification.firstBrokenRow());
        assertTrue(verification.explanation().contains("Regel " + checkpointed + " ontbreekt"), verification.explanation());
        assertTrue(verification.explanation().contains("buiten de database bewaard"), verification.explanation());
        assertEquals(checkpointed, head.read().orElseThrow().lastRowId(), "the head outside stayed where it was");
    }

    @Test
    void aRowChangedAndTheChainRecomputedWithTheDatabasesOwnFunctionIsDetected() {
        long target = checkpointed - 2;
        AccessLogChain.Verification verification = tampered(() -> {
            sql("ALTER TABLE access_log DISABLE TRIGGER ALL");
            sql("UPDATE access_log SET username = 'iemand-anders' WHERE id = " + target);
            sql("""
                    DO $$
                    DECLARE r access_log; previous CHAR(64);
                    BEGIN
                        SELECT hash INTO previous FROM access_log WHERE id < %d ORDER BY id DESC LIMIT 1;
                        FOR r IN SELECT * FROM access_log WHERE id >= %d ORDER BY id LOOP
                            r.prev_hash := previous;
                            r.hash := access_log_row_hash(r);
                            UPDATE access_log SET prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
                            previous := r.hash;
                        END LOOP;
                    END $$
                    """.formatted(target, target));
            assertEquals(Optional.empty(), checkpoints.write(), "a recomputed chain is never signed over");
            return chain.verify();
        });
        assertFalse(verification.intact());
        assertEquals(checkpointed, verification.firstBrokenRow(), "the checkpointed row no longer has the signed hash");
        assertTrue(verification.explanation().contains("opnieuw berekend"), verification.explanation());
    }

    @Test
    void aCheckpointWrittenWithoutTheKeyIsDetected() {
        AccessLogChain.Verification verification = tampered(() -> {
            sql("""
                    INSERT INTO access_log_checkpoint (at, row_count, last_row_id, head_hash, key_id, signature)
                    SELECT now(), count(*), max(id), (SELECT hash FROM access_log ORDER BY id DESC LIMIT 1), '%s', repeat('a', 64)
                      FROM access_log
                    """.formatted(headKeyId()));
            return chain.verify();
        });
        assertFalse(verification.intact());
        assertTrue(verification.explanation().contains("geen geldige handtekening"), verification.explanation());
    }

    @Test
    void theCheckpointsAreAppendOnly() {
        assertThrows(Exception.class, () -> tx.executeWrite(s -> jdbc.prepareStatement(
                "UPDATE access_log_checkpoint SET row_count = 0", st -> st.executeUpdate())));
        assertThrows(Exception.class, () -> tx.executeWrite(s -> jdbc.prepareStatement(
                "DELETE FROM access_log_checkpoint", st -> st.executeUpdate())));
        assertThrows(Exception.class, () -> tx.executeWrite(s -> jdbc.prepareStatement(
                "TRUNCATE access_log_checkpoint", st -> st.executeUpdate())));
        assertTrue(chain.verify().intact());
    }

    /** Runs the attack and the verification in one transaction, then rolls it back. */
    private AccessLogChain.Verification tampered(Supplier<AccessLogChain.Verification> attack) {
        Rollback rollback = assertThrows(Rollback.class, () -> tx.executeWrite(s -> {
            throw new Rollback(attack.get());
        }));
        return rollback.verification;
    }

    private void sql(String statement) {
        jdbc.prepareStatement(statement, st -> st.execute());
    }

    private String headKeyId() {
        return head.read().orElseThrow().keyId();
    }

    private long lastId() {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT coalesce(max(id), 0) FROM access_log", st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        }));
    }

    private static final class Rollback extends RuntimeException {
        private final transient AccessLogChain.Verification verification;

        Rollback(AccessLogChain.Verification verification) {
            super("roll back the attack");
            this.verification = verification;
        }
    }
}
