package nl.casustafel.privacy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.platform.BsnKeys;
import nl.casustafel.platform.ConfigException;
import nl.casustafel.platform.ConfigFiles;
import nl.casustafel.platform.RuntimeProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Finding h: the BSN is encrypted at rest, found through its blind index, and opens only with the right key. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BsnEncryptionTest implements CasustafelTestProperties {

    @Inject
    BsnCipher cipher;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    ConfigFiles config;

    private List<String> demoBsns() {
        return config.yaml("demo/pupils.yaml").list("pupils").stream().map(p -> p.text("bsn")).toList();
    }

    @Test
    void theDatabaseHoldsNoPlainBsnAnywhere() throws SQLException {
        List<String> bsns = demoBsns();
        assertEquals(200, bsns.size(), "the demo region's pupils");
        String[] patterns = bsns.stream().map(b -> "%" + b + "%").toArray(String[]::new);
        try (Connection c = connect()) {
            assertEquals(List.of(), strings(c, "SELECT column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND table_name = 'pupil_identity' AND column_name = 'bsn'", null));
            List<String> columns = strings(c, """
                    SELECT format('%I.%I', table_name, column_name) || ' ' || data_type FROM information_schema.columns
                     WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'bytea', 'json', 'jsonb', 'ARRAY')
                     ORDER BY 1""", null);
            assertTrue(columns.size() > 20, columns.toString());
            List<String> holding = new ArrayList<>();
            for (String column : columns) {
                String[] parts = column.split(" ", 2);
                String[] name = parts[0].split("\\.");
                String expression = parts[1].equals("bytea") ? "encode(" + name[1] + ", 'escape')" : name[1] + "::text";
                List<String> hits = strings(c, "SELECT count(*)::text FROM " + name[0] + " WHERE " + expression + " LIKE ANY (?)", patterns);
                if (!hits.getFirst().equals("0")) {
                    holding.add(column);
                }
            }
            assertEquals(List.of(), holding, "columns holding a demo BSN in plain text");
            assertEquals(List.of("17.1 encrypt bsn true"), strings(c, "SELECT version || ' ' || description || ' ' || success "
                    + "FROM flyway_schema_history WHERE version = '17.1'", null), "Flyway ran the Java migration, a bean with the key");
            assertNotEquals(List.of("0"), strings(c, "SELECT count(*)::text FROM absence_record", null),
                    "the demo's absence file was imported, pupils found by BSN");
        }
    }

    @Test
    void aBsnIsFoundByItsBlindIndex() {
        List<String> bsns = demoBsns();
        for (String bsn : bsns.subList(0, 20)) {
            PupilIdentity identity = identities.findByBsn(bsn).orElseThrow(() -> new AssertionError("pupil with BSN " + bsn));
            assertArrayEquals(cipher.index(bsn), identity.bsnIndex());
            assertEquals(bsn, cipher.open(identity.pupilId(), identity.bsnCipher()));
        }
        assertTrue(identities.findByBsn("000000000").isEmpty());
        assertTrue(identities.findByBsn("12345").isEmpty());
    }

    @Test
    void theSameBsnEncryptsToDifferentValuesWithTheSameIndex() {
        BsnCipher.Sealed first = cipher.seal(7, "123456782");
        BsnCipher.Sealed second = cipher.seal(7, "123456782");
        assertFalse(java.util.Arrays.equals(first.cipher(), second.cipher()), "a fresh nonce for every value");
        assertArrayEquals(first.index(), second.index());
        assertEquals(BsnCipher.INDEX_BYTES, first.index().length);
        assertEquals(1, first.cipher()[0], "the first byte is the key version");
        assertEquals("123456782", cipher.open(7, first.cipher()));
        assertFalse(new String(first.cipher(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("123456782"));
    }

    @Test
    void aValueCopiedToAnotherPupilDoesNotOpen() {
        BsnCipher.Sealed sealed = cipher.seal(7, "123456782");
        BsnKeyMismatchException e = assertThrows(BsnKeyMismatchException.class, () -> cipher.open(8, sealed.cipher()));
        assertTrue(e.getMessage().contains("pupil 8"), e.getMessage());
    }

    @Test
    void aWrongKeyFailsClearly() throws SQLException {
        BsnCipher wrong = new BsnCipher(randomKey(), "1", "", "");
        PupilIdentity identity = identities.findByBsn(demoBsns().getFirst()).orElseThrow();
        BsnKeyMismatchException open = assertThrows(BsnKeyMismatchException.class, () -> wrong.open(identity.pupilId(), identity.bsnCipher()));
        assertTrue(open.getMessage().contains("is not the key this database was encrypted with"), open.getMessage());
        try (Connection c = connect()) {
            BsnKeyMismatchException start = assertThrows(BsnKeyMismatchException.class, () -> new BsnKeyCheck(wrong).check(c));
            assertTrue(start.getMessage().contains("CASUSTAFEL_BSN_KEY"), start.getMessage());
            BsnCipher otherVersion = new BsnCipher(randomKey(), "2", "", "");
            BsnKeyMismatchException version = assertThrows(BsnKeyMismatchException.class, () -> new BsnKeyCheck(otherVersion).check(c));
            assertTrue(version.getMessage().contains("encrypted under key version 1")
                    && version.getMessage().contains("CASUSTAFEL_BSN_KEY_OLD"), version.getMessage());
        }
    }

    @Test
    void rotationReencryptsEveryValueAndRekeysTheBlindIndex() throws SQLException {
        String currentKey = (String) RuntimeProperties.forTests().get(BsnKeys.KEY);
        BsnCipher next = new BsnCipher(randomKey(), "2", currentKey, "1");
        String bsn = demoBsns().get(3);
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                new BsnKeyCheck(next).check(c);
                assertEquals(List.of("2"), strings(c, "SELECT DISTINCT get_byte(bsn_cipher, 0)::text FROM pupil_identity", null));
                try (PreparedStatement s = c.prepareStatement("SELECT pupil_id, bsn_cipher FROM pupil_identity WHERE bsn_index = ?")) {
                    s.setBytes(1, next.index(bsn));
                    try (ResultSet rs = s.executeQuery()) {
                        assertTrue(rs.next(), "found by the new blind index");
                        assertEquals(bsn, next.open(rs.getLong(1), rs.getBytes(2)));
                    }
                }
                BsnKeyMismatchException withoutOld = assertThrows(BsnKeyMismatchException.class,
                        () -> new BsnKeyCheck(cipher).check(c));
                assertTrue(withoutOld.getMessage().contains("key version 2"), withoutOld.getMessage());
            } finally {
                c.rollback(); // the other tests keep the JVM's key
                c.setAutoCommit(true);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1   | c2hvcnQ=                                          | must be 32 bytes",
            "1   | not base64 at all!                                | is not valid base64",
            "0   | AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=       | must be a number from 1 to 255",
            "abc | AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=       | must be a number from 1 to 255"})
    void aGarbledKeyStopsTheStart(String id, String key, String message) {
        ConfigException e = assertThrows(ConfigException.class, () -> new BsnCipher(key, id, "", ""));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains("CASUSTAFEL_BSN_KEY"), e.getMessage());
    }

    @Test
    void withoutTheVariableAKeyFileIsMadeOnceForTheOwnerOnly() throws Exception {
        assumeTrue(System.getenv("CASUSTAFEL_BSN_KEY") == null && System.getProperty(BsnKeys.KEY) == null);
        Path home = Files.createTempDirectory("casustafel-home-");
        Object first = BsnKeys.forApplication(home).get(BsnKeys.KEY);
        Path file = home.resolve("bsn.key");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertEquals(first, BsnKeys.forApplication(home).get(BsnKeys.KEY), "the same key at the next start");
        assertEquals(32, Base64.getDecoder().decode(first.toString()).length);
        Files.writeString(file, "1:dG9vIHNob3J0\n");
        ConfigException e = assertThrows(ConfigException.class, () -> BsnKeys.forApplication(home));
        assertTrue(e.getMessage().contains("must be 32 bytes"), e.getMessage());
    }

    /** A plain connection to the test database, outside Micronaut's transaction management. */
    private static Connection connect() throws SQLException {
        var properties = RuntimeProperties.forTests();
        return DriverManager.getConnection((String) properties.get("datasources.default.url"),
                (String) properties.get("datasources.default.username"), String.valueOf(properties.get("datasources.default.password")));
    }

    private static String randomKey() {
        byte[] bytes = new byte[BsnKeys.KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static List<String> strings(Connection c, String sql, String[] patterns) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (patterns != null) {
                s.setArray(1, c.createArrayOf("text", patterns));
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
