package nl.casustafel.privacy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;

/** Tests that need a pupil's BSN in plain text (to assert it is not shown) read it here, as the privacy kernel does. */
@Singleton
public class TestBsns {

    private final BsnCipher cipher;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;

    TestBsns(BsnCipher cipher, JdbcOperations jdbc, TransactionOperations<Connection> tx) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** The BSN of a pupil, decrypted. */
    public String of(long pupilId) {
        return tx.executeRead(status -> jdbc.prepareStatement("SELECT bsn_cipher FROM pupil_identity WHERE pupil_id = ?", statement -> {
            statement.setLong(1, pupilId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no identity for pupil " + pupilId);
                }
                return cipher.open(pupilId, rs.getBytes(1));
            }
        }));
    }

    /** A BSN encrypted for a pupil, for fixtures that insert identities with SQL. */
    public BsnCipher.Sealed seal(long pupilId, String bsn) {
        return cipher.seal(pupilId, bsn);
    }
}
