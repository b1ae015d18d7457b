package nl.casustafel.privacy;

import nl.casustafel.platform.BsnKeys;
import nl.casustafel.platform.RuntimeProperties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database made before V17, with BSNs in plain text, is migrated: Flyway's Java migration 17.1 encrypts
 * them with the key from outside the database, V17_2 drops the plain column and rewrites the table.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BsnEncryptionMigrationTest {

    private static final List<String> BSNS = List.of("111222333", "123456782", "987654321");

    private final Map<String, Object> properties = RuntimeProperties.forTests();
    private final String serverUrl = (String) properties.get("datasources.default.url");
    private final String user = (String) properties.get("datasources.default.username");
    private final String password = String.valueOf(properties.get("datasources.default.password"));
    private final String database = "casustafel_bsnmig_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
    private final BsnCipher cipher = new BsnCipher((String) properties.get(BsnKeys.KEY), "1", "", "");
    private String url;

    private Map<Long, String> plain;

    @BeforeAll
    void migrateADatabaseWithPlainBsns() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password)) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        int params = serverUrl.indexOf('?');
        String base = params < 0 ? serverUrl : serverUrl.substring(0, params);
        url = base.substring(0, base.lastIndexOf('/') + 1) + database + (params < 0 ? "" : serverUrl.substring(params));
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("9").load().migrate();
        plain = insertPupilsWithPlainBsns();
        migrate(cipher);
    }

    @AfterAll
    void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password)) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    @Test
    void plainBsnsOfAnExistingDatabaseAreEncryptedAndThePlainColumnIsGone() throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            assertFalse(columns(c).contains("bsn"), "the plain column is dropped");
            Map<Long, byte[]> ciphers = new HashMap<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT pupil_id, bsn_cipher, bsn_index FROM pupil_identity")) {
                while (rs.next()) {
                    long pupilId = rs.getLong(1);
                    ciphers.put(pupilId, rs.getBytes(2));
                    assertEquals(plain.get(pupilId), cipher.open(pupilId, rs.getBytes(2)));
                    assertArrayEquals(cipher.index(plain.get(pupilId)), rs.getBytes(3), "the blind index finds the pupil");
                }
            }
            assertEquals(plain.keySet(), ciphers.keySet());
            for (Map.Entry<Long, byte[]> e : ciphers.entrySet()) {
                String asText = new String(e.getValue(), StandardCharsets.ISO_8859_1);
                assertFalse(asText.contains(plain.get(e.getKey())), "the stored value does not contain the BSN");
            }
            assertTableFileHoldsNoPlainBsn(c);
            SQLException duplicate = assertThrows(SQLException.class, () -> insertSameBsnAgain(c, ciphers.keySet().iterator().next()));
            assertTrue(duplicate.getMessage().contains("pupil_identity_bsn_index_key"), duplicate.getMessage());
        }
    }

    @Test
    void aWrongKeyStopsTheStartWithAClearMessage() {
        byte[] other = new byte[BsnKeys.KEY_BYTES];
        new SecureRandom().nextBytes(other);
        BsnCipher wrong = new BsnCipher(Base64.getEncoder().encodeToString(other), "1", "", "");
        Exception failure = assertThrows(Exception.class, () -> migrate(wrong));
        assertTrue(messages(failure).contains("is not the key this database was encrypted with"), messages(failure));
    }

    private void migrate(BsnCipher key) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                .javaMigrations(new BsnEncryptionMigration(key)).callbacks(new BsnKeyCheck(key)).load().migrate();
    }

    private Map<Long, String> insertPupilsWithPlainBsns() throws SQLException {
        Map<Long, String> plain = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("INSERT INTO covenant (code, name, version, signed_on, initial_term_years, renewal_term_years) "
                    + "VALUES ('t', 'Test', '1', DATE '2024-01-01', 4, 1)");
            s.execute("INSERT INTO municipality (code, name) VALUES ('GM0001', 'Testdorp')");
            s.execute("INSERT INTO party (covenant_id, type, name, joined_on) SELECT id, 'SCHOOL_BOARD', 'Bestuur', DATE '2024-01-01' FROM covenant");
            s.execute("INSERT INTO party (covenant_id, type, name, joined_on) SELECT id, 'PARTNERSHIP', 'SWV', DATE '2024-01-01' FROM covenant");
            s.execute("INSERT INTO school (brin, name, sector, board_party_id, partnership_party_id, municipality_id) "
                    + "SELECT '01AA', 'School', 'VO', (SELECT id FROM party WHERE name = 'Bestuur'), (SELECT id FROM party WHERE name = 'SWV'), "
                    + "(SELECT id FROM municipality)");
            for (String bsn : BSNS) {
                try (ResultSet rs = s.executeQuery("INSERT INTO pupil (school_id, school_year, enrolled_on) "
                        + "SELECT id, 1, DATE '2025-08-25' FROM school RETURNING id")) {
                    rs.next();
                    long id = rs.getLong(1);
                    s.execute("INSERT INTO pupil_identity (pupil_id, given_name, family_name, birth_date, bsn, street_address, postal_code, "
                            + "residence_municipality_id) SELECT " + id + ", 'Test', 'Leerling', DATE '2012-01-01', '" + bsn
                            + "', 'Straat 1', '1000 AA', id FROM municipality");
                    plain.put(id, bsn);
                }
            }
            // an updated row leaves an old version with the plain BSN behind, as real data would
            s.execute("UPDATE pupil_identity SET street_address = 'Straat 2'");
        }
        return plain;
    }

    /**
     * The table's file on disk (after a checkpoint) holds no plain BSN: neither the dropped column nor the
     * row versions from before the update. Only where the test user may read the server's files.
     */
    private void assertTableFileHoldsNoPlainBsn(Connection c) throws Exception {
        Path file;
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
            ResultSet rs = s.executeQuery("SELECT current_setting('data_directory'), pg_relation_filepath('pupil_identity')");
            rs.next();
            file = Path.of(rs.getString(1), rs.getString(2));
        } catch (SQLException notSuperuser) {
            return;
        }
        if (!Files.isReadable(file)) {
            return;
        }
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String bsn : BSNS) {
            assertFalse(content.contains(bsn), "plain BSN in " + file);
        }
        assertTrue(content.contains("Straat 2"), "the file read is the table's");
    }

    private static void insertSameBsnAgain(Connection c, long pupilId) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("INSERT INTO pupil (school_id, school_year, enrolled_on) "
                + "SELECT id, 1, DATE '2025-08-25' FROM school LIMIT 1 RETURNING id")) {
            rs.next();
            c.createStatement().execute("INSERT INTO pupil_identity (pupil_id, given_name, family_name, birth_date, bsn_cipher, bsn_index, "
                    + "street_address, postal_code, residence_municipality_id) SELECT " + rs.getLong(1)
                    + ", 'X', 'Y', DATE '2012-01-01', bsn_cipher, bsn_index, 'Z', '1000 AA', residence_municipality_id "
                    + "FROM pupil_identity WHERE pupil_id = " + pupilId);
        }
    }

    private static List<String> columns(Connection c) throws SQLException {
        List<String> columns = new java.util.ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'pupil_identity'")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        return columns;
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
