package nl.casustafel.absence;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The thorough path of an import: the accepted rows go into a temporary table, where SQL finds every
 * duplicate (the same record id or the same lesson hour twice in the file, or a lesson hour already
 * stored under another id) and sorts the rest into new, changed and unchanged; only when nothing was
 * rejected, and not in a preview, are new records inserted and changed ones corrected. Used for
 * previews, for files with rejected rows, and for files that touch records already stored.
 */
final class StagedAbsenceImport {

    private static final int SAMPLE_ROWS = 200;

    private final Connection connection;
    private final List<ImportReport.RejectedRow> rejected;
    private long rejectedCount;

    /** {@code rejected} and {@code rejectedCount} are what the row checks already refused. */
    StagedAbsenceImport(Connection connection, List<ImportReport.RejectedRow> rejected, long rejectedCount) {
        this.connection = connection;
        this.rejected = new ArrayList<>(rejected);
        this.rejectedCount = rejectedCount;
    }

    /** {@code accepted} holds the accepted rows in COPY text, each line starting with its line number. */
    ImportReport run(Path accepted, AbsenceImporter.Mode mode, long rowsRead) throws SQLException, IOException {
        try (var statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS absence_import");
            // the duplicate checks sort the whole file (the direct path's probe stays on the default:
            // a larger work_mem there makes PostgreSQL trade its parallel plan for a slower single one)
            statement.execute("SET LOCAL work_mem = '128MB'");
            statement.execute("""
                    CREATE TEMP TABLE absence_import (line BIGINT, school_id BIGINT, source_id TEXT COLLATE "C", pupil_id BIGINT,
                        absence_date DATE, lesson_hour SMALLINT, part_of_day TEXT, kind TEXT, hours NUMERIC(5, 2),
                        hour_unit TEXT, reason_code TEXT) ON COMMIT DROP""");
        }
        try (Reader in = Files.newBufferedReader(accepted, StandardCharsets.UTF_8)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY absence_import FROM STDIN", in);
        }
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE INDEX ON absence_import (school_id, source_id)");
            statement.execute("ANALYZE absence_import");
        }
        duplicates();
        rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        return report(mode, rowsRead);
    }

    private void duplicates() throws SQLException {
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
                  JOIN absence_record r ON r.school_id = i.school_id AND r.pupil_id = i.pupil_id AND r.absence_date = i.absence_date
                       AND r.lesson_hour IS NOT DISTINCT FROM i.lesson_hour AND r.part_of_day IS NOT DISTINCT FROM i.part_of_day
                       AND (r.kind = 'LATE') = (i.kind = 'LATE') AND r.source_id <> i.source_id
                 WHERE NOT EXISTS (SELECT 1 FROM absence_import o WHERE o.school_id = r.school_id AND o.source_id = r.source_id)""";
        // cheap hash-aggregate probes first: the window-function checks only run when there can be duplicates
        boolean idRepeats = exists("SELECT 1 FROM absence_import GROUP BY school_id, source_id HAVING count(*) > 1 LIMIT 1");
        boolean slotRepeats = exists("SELECT 1 FROM absence_import GROUP BY pupil_id, absence_date, lesson_hour, part_of_day, kind = 'LATE'"
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
                    rejectedCount++;
                    if (rejected.size() < AbsenceImporter.LISTED_REJECTIONS) {
                        rejected.add(new ImportReport.RejectedRow(rs.getLong(1), rs.getString(2)));
                    }
                }
            }
        }
    }

    private boolean exists(String sql) throws SQLException {
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next();
        }
    }

    private ImportReport report(AbsenceImporter.Mode mode, long rowsRead) throws SQLException {
        long accepted;
        long added;
        long changed;
        long pupils;
        try (var statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
                SELECT count(*), count(*) FILTER (WHERE r.source_id IS NULL),
                       count(*) FILTER (WHERE r.source_id IS NOT NULL AND (r.pupil_id, r.absence_date, r.lesson_hour, r.part_of_day, r.kind, r.hours, r.reason_code)
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
        List<AbsenceRecord> sample = sample();
        if (mode == AbsenceImporter.Mode.IMPORT && rejectedCount == 0) {
            write(added, changed);
        }
        try (var statement = connection.createStatement()) {
            statement.execute("DROP TABLE absence_import");
        }
        boolean written = mode == AbsenceImporter.Mode.IMPORT && rejectedCount == 0;
        return new ImportReport(written, rowsRead, accepted, added, changed, accepted - added - changed, pupils, perKind,
                rejectedCount, List.copyOf(rejected), sample);
    }

    private List<AbsenceRecord> sample() throws SQLException {
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
        return sample;
    }

    private void write(long added, long changed) throws SQLException {
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
                // same records then fails on the primary key instead of storing them twice
                statement.executeUpdate("""
                        INSERT INTO absence_record (%1$s)
                        SELECT %1$s
                          FROM absence_import i
                         WHERE NOT EXISTS (SELECT 1 FROM absence_record r WHERE r.school_id = i.school_id AND r.source_id = i.source_id)"""
                        .formatted(CopyText.COLUMNS));
            }
        }
    }
}
