package nl.casustafel.privacy;

import jakarta.inject.Singleton;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Flyway migration 17.1: encrypts the BSNs stored in plain text before V17 (the key is outside the
 * database, so SQL cannot do it). Runs between {@code V17__bsn_encrypted_columns.sql}, which adds the
 * columns, and {@code V17_2__drop_plain_bsn.sql}, which drops the plain one. A Micronaut bean, handed to
 * Flyway by {@link BsnFlywaySetup}, so it gets the key by injection.
 */
@Singleton
class BsnEncryptionMigration implements JavaMigration {

    private static final int BATCH = 1000;

    private final BsnCipher cipher;

    BsnEncryptionMigration(BsnCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("17.1");
    }

    @Override
    public String getDescription() {
        return "encrypt bsn";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE pupil_identity SET bsn_cipher = ?, bsn_index = ? WHERE pupil_id = ?")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = select.executeQuery("SELECT pupil_id, bsn FROM pupil_identity WHERE bsn_cipher IS NULL")) {
                while (rs.next()) {
                    long pupilId = rs.getLong(1);
                    BsnCipher.Sealed sealed = cipher.seal(pupilId, rs.getString(2).trim());
                    update.setBytes(1, sealed.cipher());
                    update.setBytes(2, sealed.index());
                    update.setLong(3, pupilId);
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
