package nl.casustafel.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import nl.casustafel.absence.AbsenceCsv;
import nl.casustafel.absence.AbsenceImporter;
import nl.casustafel.absence.AbsenceSignals;
import nl.casustafel.absence.GeneratedAbsenceFile;
import nl.casustafel.absence.ImportReport;
import nl.casustafel.absence.PupilSignals;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.AbsenceThresholds;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.platform.RuntimeProperties;
import nl.casustafel.privacy.BsnCipher;
import org.postgresql.PGConnection;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark (not a test): 20,000 pupils at one VO school, a 1,000,000-row absence export of them,
 * plain PostgreSQL COPY of that file into a table of text columns, then the real import (check +
 * COPY + merge), the re-import (no-op), and the signals of all 20,000 pupils. Run with bench/run.sh.
 */
public final class AbsenceBench {

    private static final int PUPILS = 20_000;
    private static final long ROWS = 1_000_000;

    public static void main(String[] args) throws Exception {
        Map<String, Object> properties = new HashMap<>(RuntimeProperties.forTests());
        properties.put("casustafel.demo.load", "true");
        properties.put("micronaut.server.port", -1);
        properties.put("casustafel.ui.enabled", false);
        properties.put("casustafel.http.port", 0);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            JdbcOperations jdbc = context.getBean(JdbcOperations.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
            BsnCipher cipher = context.getBean(BsnCipher.class);
            long schoolId = tx.executeWrite(status -> setUp(jdbc, cipher));
            List<String> bsns = tx.executeRead(status -> bsns(jdbc, schoolId));
            Path file = Files.createTempFile("absence-bench", ".csv");
            try {
                AbsenceThresholds calendar = context.getBean(AbsenceThresholds.class);
                try (InputStream in = new GeneratedAbsenceFile("B-", "99ZZ", bsns, calendar, 2, LocalDate.of(2026, 9, 1), ROWS);
                     OutputStream out = Files.newOutputStream(file)) {
                    in.transferTo(out);
                }
                System.out.printf("file: %,d rows, %,d bytes%n", ROWS, Files.size(file));
                long copyNanos = tx.executeWrite(status -> plainCopy(status.getConnection(), file));
                Viewer viewer = new Viewer(0, "bench", "Bench", Role.CARE_COORDINATOR, 0, "Bench", PartyType.SCHOOL_BOARD, Set.of(schoolId), Set.of());
                AbsenceImporter importer = context.getBean(AbsenceImporter.class);
                long start = System.nanoTime();
                ImportReport report;
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    report = importer.run(viewer, AbsenceCsv.open(reader), AbsenceImporter.Mode.IMPORT, rows -> { });
                }
                long importNanos = System.nanoTime() - start;
                if (!report.written() || report.added() != ROWS) {
                    throw new IllegalStateException("import did not store every row: " + report.rejectedCount() + " rejected " + report.rejected());
                }
                start = System.nanoTime();
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    report = importer.run(viewer, AbsenceCsv.open(reader), AbsenceImporter.Mode.IMPORT, rows -> { });
                }
                long reimportNanos = System.nanoTime() - start;
                if (report.added() + report.changed() != 0) {
                    throw new IllegalStateException("re-import changed records");
                }
                AbsenceSignals signals = context.getBean(AbsenceSignals.class);
                List<Long> signalNanos = new ArrayList<>();
                int flagged = 0;
                for (int run = 0; run < 5; run++) {
                    start = System.nanoTime();
                    List<PupilSignals> all = signals.forSchools(List.of(schoolId), LocalDate.of(2026, 11, 25));
                    signalNanos.add(System.nanoTime() - start);
                    flagged = (int) all.stream().filter(s -> !s.signals().isEmpty()).count();
                    if (all.size() != PUPILS) {
                        throw new IllegalStateException("signals for " + all.size() + " pupils");
                    }
                }
                long best = signalNanos.stream().mapToLong(Long::longValue).min().orElseThrow();
                System.out.printf("cores: %d%n", Runtime.getRuntime().availableProcessors());
                System.out.printf("plain COPY of the file:     %6.2f s  (%,.0f rows/s)%n", copyNanos / 1e9, ROWS / (copyNanos / 1e9));
                System.out.printf("import (check+COPY+merge):  %6.2f s  (%,.0f rows/s)  = %.2f x plain COPY%n", importNanos / 1e9,
                        ROWS / (importNanos / 1e9), importNanos / (double) copyNanos);
                System.out.printf("re-import (no-op):          %6.2f s  (%,.0f rows/s)%n", reimportNanos / 1e9, ROWS / (reimportNanos / 1e9));
                System.out.printf("signals, %,d pupils:       first %.2f s, best of 5 %.2f s (%d pupils with a signal)%n", PUPILS,
                        signalNanos.getFirst() / 1e9, best / 1e9, flagged);
            } finally {
                Files.deleteIfExists(file);
            }
        }
        System.exit(0);
    }

    /** The school and its pupils; their BSNs (800000000 + pupil id) are encrypted as the app stores them. */
    private static long setUp(JdbcOperations jdbc, BsnCipher cipher) {
        long schoolId = jdbc.prepareStatement("""
                WITH s AS (INSERT INTO school (brin, name, sector, board_party_id, partnership_party_id, municipality_id)
                           SELECT '99ZZ', 'Benchmark College', 'VO', board_party_id, partnership_party_id, municipality_id
                             FROM school WHERE brin = '02CD' RETURNING id, municipality_id),
                     p AS (INSERT INTO pupil (school_id, school_year, enrolled_on)
                           SELECT s.id, 1 + mod(g, 6), DATE '2025-08-25' FROM s, generate_series(1, %d) g RETURNING id)
                SELECT id FROM s""".formatted(PUPILS), statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        jdbc.prepareStatement("""
                INSERT INTO pupil_identity (pupil_id, given_name, family_name, birth_date, bsn_cipher, bsn_index, street_address,
                                            postal_code, residence_municipality_id)
                SELECT p.id, 'Bench', 'Leerling', DATE '2012-01-01', ?, ?, 'Benchstraat 1', '1000 AA', s.municipality_id
                  FROM pupil p JOIN school s ON s.id = p.school_id WHERE p.id = ?
                """, insert -> {
            for (long pupilId : pupilIds(jdbc, schoolId)) {
                BsnCipher.Sealed bsn = cipher.seal(pupilId, String.valueOf(800_000_000 + pupilId));
                insert.setBytes(1, bsn.cipher());
                insert.setBytes(2, bsn.index());
                insert.setLong(3, pupilId);
                insert.addBatch();
            }
            return insert.executeBatch();
        });
        return schoolId;
    }

    private static List<Long> pupilIds(JdbcOperations jdbc, long schoolId) {
        return jdbc.prepareStatement("SELECT id FROM pupil WHERE school_id = ? ORDER BY id", statement -> {
            statement.setLong(1, schoolId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    private static List<String> bsns(JdbcOperations jdbc, long schoolId) {
        return pupilIds(jdbc, schoolId).stream().map(id -> String.valueOf(800_000_000 + id)).toList();
    }

    private static long plainCopy(Connection connection, Path file) {
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_plain_copy (registratie_id text, brin text, bsn text, datum text, lesuur text, dagdeel text,"
                    + " soort text, uren text, redencode text)");
            long start = System.nanoTime();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("COPY bench_plain_copy FROM STDIN WITH (FORMAT csv, HEADER true, DELIMITER ';')", reader);
            }
            long nanos = System.nanoTime() - start;
            statement.execute("DROP TABLE bench_plain_copy");
            return nanos;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
