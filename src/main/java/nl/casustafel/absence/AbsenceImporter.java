package nl.casustafel.absence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Role;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.AbsenceThresholds;
import nl.casustafel.platform.InvalidInputException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Imports absence records, streaming: each delivered row is checked and, if valid, copied into a
 * temporary table with PostgreSQL COPY; duplicates are then found with SQL, and only when no row
 * was rejected are the records merged into {@code absence_record}, all in one transaction. The
 * school's record id makes it idempotent: a record already there unchanged is left alone, a record
 * with the same id and other content is corrected.
 */
@Singleton
public class AbsenceImporter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AbsenceImporter.class);

    /** How many rejected rows a report lists (all are counted). */
    static final int LISTED_REJECTIONS = 1000;
    private static final int SAMPLE_ROWS = 200;
    private static final int FLUSH_BYTES = 1 << 16;
    private static final int PROGRESS_EVERY = 10_000;

    private final JdbcOperations jdbc;
    private final PupilDirectory directory;
    private final AbsenceThresholds thresholds;
    private final Clock clock;

    public AbsenceImporter(JdbcOperations jdbc, PupilDirectory directory, AbsenceThresholds thresholds, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.thresholds = thresholds;
        this.clock = clock;
    }

    public enum Mode { PREVIEW, IMPORT }

    /**
     * Checks (and in {@link Mode#IMPORT} stores) the rows; {@code progress} hears the number of rows read
     * every 10,000 rows. Nothing is stored when any row is rejected.
     */
    @Transactional
    public ImportReport run(Viewer viewer, Iterator<AbsenceInput> rows, Mode mode, LongConsumer progress) {
        if (viewer.role() != Role.CARE_COORDINATOR || viewer.schoolIds().isEmpty()) {
            throw new InvalidInputException("file", "Alleen de zorgcoördinator van een school kan verzuim aanleveren.");
        }
        long started = System.nanoTime();
        AbsenceValidator validator = new AbsenceValidator(directory.of(viewer.schoolIds()), thresholds, LocalDate.now(clock));
        Connection connection = jdbc.getConnection();
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        long rowsRead = 0;
        long rejectedCount = 0;
        try {
            try (var statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS absence_import");
                statement.execute("SET LOCAL work_mem = '128MB'"); // the duplicate checks sort the whole file
                statement.execute("""
                        CREATE TEMP TABLE absence_import (line BIGINT, school_id BIGINT, source_id TEXT, pupil_id BIGINT,
                            absence_date DATE, lesson_hour SMALLINT, part_of_day TEXT, kind TEXT, hours NUMERIC(5, 2),
                            hour_unit TEXT, reason_code TEXT) ON COMMIT DROP""");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            CopyIn in = copy.copyIn("COPY absence_import FROM STDIN");
            StringBuilder buffer = new StringBuilder(FLUSH_BYTES + 512);
            try {
                while (rows.hasNext()) {
                    AbsenceInput row = rows.next();
                    rowsRead++;
                    switch (validator.check(row)) {
                        case AbsenceValidator.Accepted a -> appendCopyLine(buffer, a.record());
                        case AbsenceValidator.Rejected r -> {
                            rejectedCount++;
                            if (rejected.size() < LISTED_REJECTIONS) {
                                rejected.add(new ImportReport.RejectedRow(r.line(), r.reason()));
                            }
                        }
                    }
                    if (buffer.length() >= FLUSH_BYTES) {
                        flush(in, buffer);
                    }
                    if (rowsRead % PROGRESS_EVERY == 0) {
                        progress.accept(rowsRead);
                    }
                }
                flush(in, buffer);
                in.endCopy();
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
            progress.accept(rowsRead);
            long copied = System.nanoTime();
            try (var statement = connection.createStatement()) {
                statement.execute("CREATE INDEX ON absence_import (school_id, source_id)");
                statement.execute("ANALYZE absence_import");
            }
            rejectedCount += duplicates(connection, rejected);
            long checked = System.nanoTime();
            rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
            ImportReport report = report(connection, mode, rowsRead, rejectedCount, rejected);
            // counts and timings only: never pupil data
            LOG.info("Absence {}: {} rows, {} rejected, {} added, {} changed; read+check+copy {} ms, duplicate checks {} ms, report+write {} ms",
                    mode, rowsRead, rejectedCount, report.added(), report.changed(), (copied - started) / 1_000_000,
                    (checked - copied) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException("Absence import failed in the database", e);
        }
    }

    private long duplicates(Connection connection, List<ImportReport.RejectedRow> rejected) throws SQLException {
        long count = 0;
        String sameId = """
                SELECT line, 'dubbel: registratie-id ' || source_id || ' staat ook op regel ' || first_line AS reason
                  FROM (SELECT line, source_id, min(line) OVER (PARTITION BY school_id, source_id) AS first_line FROM absence_import) d
                 WHERE line > first_line""";
        String sameSlot = """
                SELECT line, 'dubbel: deze leerling heeft op deze datum al een registratie voor dit '
                       || CASE WHEN lesson_hour IS NULL THEN 'dagdeel' ELSE 'lesuur' END || ' (regel ' || first_line || ')' AS reason
                  FROM (SELECT line, lesson_hour,
                               min(line) OVER (PARTITION BY pupil_id, absence_date, lesson_hour, part_of_day, kind = 'LATE') AS first_line
                          FROM absence_import) d
                 WHERE line > first_line""";
        String stored = """
                SELECT i.line, 'dubbel: deze leerling heeft op deze datum al een registratie voor dit '
                       || CASE WHEN i.lesson_hour IS NULL THEN 'dagdeel' ELSE 'lesuur' END || ' (registratie-id ' || r.source_id || ')' AS reason
                  FROM absence_import i
                  JOIN absence_record r ON r.pupil_id = i.pupil_id AND r.absence_date = i.absence_date
                       AND r.lesson_hour IS NOT DISTINCT FROM i.lesson_hour AND r.part_of_day IS NOT DISTINCT FROM i.part_of_day
                       AND (r.kind = 'LATE') = (i.kind = 'LATE') AND r.source_id <> i.source_id
                 WHERE NOT EXISTS (SELECT 1 FROM absence_import o WHERE o.school_id = r.school_id AND o.source_id = r.source_id)""";
        // cheap hash-aggregate probes first: the window-function checks only run when there can be duplicates
        boolean idRepeats = exists(connection, "SELECT 1 FROM absence_import GROUP BY school_id, source_id HAVING count(*) > 1 LIMIT 1");
        boolean slotRepeats = exists(connection, "SELECT 1 FROM absence_import GROUP BY pupil_id, absence_date, lesson_hour, part_of_day, kind = 'LATE'"
                + " HAVING count(*) > 1 LIMIT 1");
        List<String> checks = new ArrayList<>();
        if (idRepeats) {
            checks.add(sameId);
        }
        if (idRepeats || slotRepeats) {
            checks.add(sameSlot);
        }
        checks.add(stored);
        for (String sql : checks) {
            // a duplicate leaves the import at once, so that it is counted once and not as accepted
            try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                    "WITH d AS (" + sql + ") DELETE FROM absence_import a USING d WHERE a.line = d.line RETURNING d.line, d.reason")) {
                while (rs.next()) {
                    count++;
                    if (rejected.size() < LISTED_REJECTIONS) {
                        rejected.add(new ImportReport.RejectedRow(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
        }
        return count;
    }

    private static boolean exists(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next();
        }
    }

    private ImportReport report(Connection connection, Mode mode, long rowsRead, long rejectedCount,
                                List<ImportReport.RejectedRow> rejected) throws SQLException {
        long accepted;
        long added;
        long changed;
        long pupils;
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
                SELECT count(*), count(*) FILTER (WHERE r.id IS NULL),
                       count(*) FILTER (WHERE r.id IS NOT NULL AND (r.pupil_id, r.absence_date, r.lesson_hour, r.part_of_day, r.kind, r.hours, r.reason_code)
                                 IS DISTINCT FROM (i.pupil_id, i.absence_date, i.lesson_hour, i.part_of_day, i.kind, i.hours, i.reason_code)),
                       (SELECT count(*) FROM (SELECT pupil_id FROM absence_import GROUP BY pupil_id) p)
                  FROM absence_import i LEFT JOIN absence_record r ON r.school_id = i.school_id AND r.source_id = i.source_id""")) {
            rs.next();
            accepted = rs.getLong(1);
            added = rs.getLong(2);
            changed = rs.getLong(3);
            pupils = rs.getLong(4);
        }
        Map<AbsenceKind, Long> perKind = new EnumMap<>(AbsenceKind.class);
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT kind, count(*) FROM absence_import GROUP BY kind")) {
            while (rs.next()) {
                perKind.put(AbsenceKind.valueOf(rs.getString(1)), rs.getLong(2));
            }
        }
        List<AbsenceRecord> sample = new ArrayList<>();
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT * FROM absence_import ORDER BY line LIMIT " + SAMPLE_ROWS)) {
            while (rs.next()) {
                sample.add(new AbsenceRecord(rs.getLong("line"), rs.getLong("school_id"), rs.getString("source_id"), rs.getLong("pupil_id"),
                        rs.getDate("absence_date").toLocalDate(), (Integer) rs.getObject("lesson_hour", Integer.class),
                        rs.getString("part_of_day") == null ? null : PartOfDay.valueOf(rs.getString("part_of_day")),
                        AbsenceKind.valueOf(rs.getString("kind")), rs.getBigDecimal("hours"),
                        AbsenceRecord.HourUnit.valueOf(rs.getString("hour_unit")), rs.getString("reason_code")));
            }
        }
        boolean write = mode == Mode.IMPORT && rejectedCount == 0 && (added > 0 || changed > 0);
        if (write) {
            try (var statement = connection.createStatement()) {
                if (changed > 0) {
                    statement.executeUpdate("""
                            UPDATE absence_record r
                               SET pupil_id = i.pupil_id, absence_date = i.absence_date, lesson_hour = i.lesson_hour,
                                   part_of_day = i.part_of_day, kind = i.kind, hours = i.hours, hour_unit = i.hour_unit,
                                   reason_code = i.reason_code, recorded_at = now()
                              FROM absence_import i
                             WHERE r.school_id = i.school_id AND r.source_id = i.source_id
                               AND (r.pupil_id, r.absence_date, r.lesson_hour, r.part_of_day, r.kind, r.hours, r.reason_code)
                                   IS DISTINCT FROM (i.pupil_id, i.absence_date, i.lesson_hour, i.part_of_day, i.kind, i.hours, i.reason_code)""");
                }
                if (added > 0) {
                    // new records only; a plain insert (no ON CONFLICT) is much faster, and a concurrent import of the
                    // same records then fails on the unique key instead of storing them twice
                    statement.executeUpdate("""
                            INSERT INTO absence_record (school_id, source_id, pupil_id, absence_date, lesson_hour, part_of_day, kind, hours, hour_unit, reason_code)
                            SELECT i.school_id, i.source_id, i.pupil_id, i.absence_date, i.lesson_hour, i.part_of_day, i.kind, i.hours, i.hour_unit, i.reason_code
                              FROM absence_import i
                             WHERE NOT EXISTS (SELECT 1 FROM absence_record r WHERE r.school_id = i.school_id AND r.source_id = i.source_id)""");
                }
            }
        }
        try (var statement = connection.createStatement()) {
            statement.execute("DROP TABLE absence_import");
        }
        boolean written = mode == Mode.IMPORT && rejectedCount == 0;
        return new ImportReport(written, rowsRead, accepted, added, changed, accepted - added - changed, pupils, perKind,
                rejectedCount, List.copyOf(rejected), sample);
    }

    private static void flush(CopyIn in, StringBuilder buffer) throws SQLException {
        if (!buffer.isEmpty()) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    private static void appendCopyLine(StringBuilder b, AbsenceRecord r) {
        b.append(r.line()).append('\t').append(r.schoolId()).append('\t');
        escape(b, r.recordId());
        b.append('\t').append(r.pupilId()).append('\t').append(r.date()).append('\t')
                .append(r.lessonHour() == null ? "\\N" : r.lessonHour().toString()).append('\t')
                .append(r.partOfDay() == null ? "\\N" : r.partOfDay().name()).append('\t')
                .append(r.kind().name()).append('\t').append(r.hours().toPlainString()).append('\t')
                .append(r.unit().name()).append('\t');
        if (r.reasonCode() == null) {
            b.append("\\N");
        } else {
            escape(b, r.reasonCode());
        }
        b.append('\n');
    }

    private static void escape(StringBuilder b, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }
}
