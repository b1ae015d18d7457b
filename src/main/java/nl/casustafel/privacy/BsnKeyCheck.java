package nl.casustafel.privacy;

import jakarta.inject.Singleton;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs at every start, right after Flyway's migrations and before anything else reads the database:
 * checks that the key given opens the stored BSNs (a wrong key stops the start with a clear message
 * instead of failing at the first pupil page), and re-encrypts, with fresh blind indexes, the values of
 * an older key version when that key is given as {@code CASUSTAFEL_BSN_KEY_OLD} (key rotation).
 */
@Singleton
class BsnKeyCheck implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(BsnKeyCheck.class);
    private static final int BATCH = 1000;

    private final BsnCipher cipher;

    BsnKeyCheck(BsnCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public String getCallbackName() {
        return "bsn-key-check";
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                check(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the stored BSNs against the key: " + e.getMessage(), e);
        }
    }

    void check(Connection connection) throws SQLException {
        for (int keyId : storedKeyIds(connection)) {
            if (keyId == cipher.currentKeyId()) {
                verifyOne(connection, keyId);
            } else if (cipher.oldKeyId().filter(old -> old == keyId).isPresent()) {
                int count = reencrypt(connection, keyId);
                LOG.info("Re-encrypted {} BSNs from key version {} to key version {}", count, keyId, cipher.currentKeyId());
            } else {
                throw new BsnKeyMismatchException("The database holds BSNs encrypted under key version " + keyId
                        + ", but CASUSTAFEL_BSN_KEY is version " + cipher.currentKeyId()
                        + cipher.oldKeyId().map(old -> " and CASUSTAFEL_BSN_KEY_OLD version " + old).orElse("")
                        + ": give that key as CASUSTAFEL_BSN_KEY_OLD (with CASUSTAFEL_BSN_KEY_OLD_ID) to re-encrypt them");
            }
        }
    }

    private static List<Integer> storedKeyIds(Connection connection) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DISTINCT get_byte(bsn_cipher, 0) FROM pupil_identity ORDER BY 1");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    /** Decrypts one value of the current key version: a key of the right version but other bytes fails here. */
    private void verifyOne(Connection connection, int keyId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT pupil_id, bsn_cipher FROM pupil_identity WHERE get_byte(bsn_cipher, 0) = ? LIMIT 1")) {
            statement.setInt(1, keyId);
            try (ResultSet rs = statement.executeQuery()) {
                if (rs.next()) {
                    cipher.open(rs.getLong(1), rs.getBytes(2));
                }
            }
        }
    }

    private int reencrypt(Connection connection, int keyId) throws SQLException {
        int count = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT pupil_id, bsn_cipher FROM pupil_identity WHERE get_byte(bsn_cipher, 0) = ?");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE pupil_identity SET bsn_cipher = ?, bsn_index = ? WHERE pupil_id = ?")) {
            select.setInt(1, keyId);
            select.setFetchSize(BATCH);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long pupilId = rs.getLong(1);
                    BsnCipher.Sealed sealed = cipher.seal(pupilId, cipher.open(pupilId, rs.getBytes(2)));
                    update.setBytes(1, sealed.cipher());
                    update.setBytes(2, sealed.index());
                    update.setLong(3, pupilId);
                    update.addBatch();
                    if (++count % BATCH == 0) {
                        update.executeBatch();
                    }
                }
            }
            update.executeBatch();
        }
        return count;
    }
}
