package nl.casustafel.absence;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.AbsenceThresholds;
import nl.casustafel.platform.InvalidInputException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Imports absence records, streaming, all or nothing in one transaction, idempotent by the school's
 * record id.
 * <p>
 * Each row is checked as it is read. An import first takes the direct path: the accepted rows are
 * copied straight into {@code absence_record} with PostgreSQL COPY while the file is still being read,
 * inside a savepoint. That holds for the usual file, one of new records: it ends when the primary key
 * shows no record id was stored before and no lesson hour was recorded twice, neither within the file
 * ({@link LessonSlots}, while reading) nor against a record stored before under another id (a probe over
 * the file's dates, needed only when the school had records before).
 * Everything else (a preview, a rejected row, a record id already stored, a lesson hour twice) rolls
 * back to the savepoint and takes the thorough path ({@link StagedAbsenceImport}), which names every
 * duplicate and sorts new, changed and unchanged records. Both paths read the accepted rows once more
 * from a spool file on local disk (owner-only, deleted at the end), never from memory.
 */
@Singleton
public class AbsenceImporter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AbsenceImporter.class);

    /** How many rejected rows a report lists (all are counted). */
    static final int LISTED_REJECTIONS = 1000;
    private static final int SAMPLE_ROWS = 200;
    private static final int FLUSH_CHARS = 1 << 16;
    private static final int PROGRESS_EVERY = 10_000;

    private final JdbcOperations jdbc;
    private final PupilDirectory directory;
    private final AbsenceThresholds thresholds;
    private final Clock clock;
    private final ApplicationEventPublisher<AbsenceImported> imported;

    public AbsenceImporter(JdbcOperations jdbc, PupilDirectory directory, AbsenceThresholds thresholds, Clock clock,
                           ApplicationEventPublisher<AbsenceImported> imported) {
        this.imported = imported;
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
        Path spool = null;
        try {
            spool = Files.createTempFile("absence-import", ".copy"); // rw------- on POSIX
            boolean schoolHadRecords = mode == Mode.IMPORT && anyRecordOf(connection, viewer);
            Savepoint savepoint = connection.setSavepoint();
            DirectCopy direct = mode == Mode.IMPORT ? DirectCopy.open(connection) : null;
            LessonSlots slots = new LessonSlots();
            List<ImportReport.RejectedRow> rejected = new ArrayList<>();
            long rejectedCount = 0;
            long rowsRead = 0;
            AcceptedTally tally = new AcceptedTally(SAMPLE_ROWS);
            StringBuilder row = new StringBuilder(256);
            StringBuilder spooled = new StringBuilder(FLUSH_CHARS + 512);
            try (OutputStream out = Files.newOutputStream(spool)) {
                while (rows.hasNext()) {
                    AbsenceInput input = rows.next();
                    rowsRead++;
                    switch (validator.check(input)) {
                        case AbsenceValidator.Accepted a -> {
                            row.setLength(0);
                            CopyText.append(row, a.record());
                            row.append('\n');
                            spooled.append(a.record().line()).append('\t').append(row);
                            if (direct != null) {
                                direct.append(row);
                                if (slots.seenBefore(a.record())) {
                                    direct.abandon(); // a lesson hour twice in the file: the staged path names it
                                }
                            }
                            tally.add(a.record());
                        }
                        case AbsenceValidator.Rejected r -> {
                            rejectedCount++;
                            if (rejected.size() < LISTED_REJECTIONS) {
                                rejected.add(new ImportReport.RejectedRow(r.line(), r.reason()));
                            }
                            if (direct != null) {
                                direct.abandon(); // nothing will be stored; the thorough path lists the duplicates too
                            }
                        }
                    }
                    if (spooled.length() >= FLUSH_CHARS) {
                        write(out, spooled);
                    }
                    if (rowsRead % PROGRESS_EVERY == 0) {
                        progress.accept(rowsRead);
                    }
                }
                write(out, spooled);
            }
            progress.accept(rowsRead);
            long read = System.nanoTime();
            // a lesson hour twice within the file was caught while reading (if the file was not too big to track);
            // one stored before under another record id can only exist if the school had records before
            boolean stored = direct != null && direct.finish()
                    && (slots.tracking() && !schoolHadRecords || noLessonHourTwice(connection, viewer, tally));
            ImportReport report;
            if (stored) {
                connection.releaseSavepoint(savepoint);
                report = tally.allAdded(rowsRead);
            } else {
                connection.rollback(savepoint);
                report = new StagedAbsenceImport(connection, rejected, rejectedCount).run(spool, mode, rowsRead);
            }
            if (mode == Mode.IMPORT && report.written() && tally.count() > 0) {
                // the import's completion point: summaries that read absence_record refresh in this transaction
                imported.publishEvent(new AbsenceImported(viewer.schoolIds(), tally.first(), tally.last()));
            }
            // counts and timings only: never pupil data
            LOG.info("Absence {}: {} rows, {} rejected, {} added, {} changed; {} path; read+check+copy {} ms, then {} ms",
                    mode, rowsRead, report.rejectedCount(), report.added(), report.changed(), stored ? "direct" : "staged",
                    (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
            return report;
        } catch (SQLException e) {
            throw new IllegalStateException("Absence import failed in the database", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Absence import could not spool its rows", e);
        } finally {
            deleteQuietly(spool);
        }
    }

    private static boolean anyRecordOf(Connection connection, Viewer viewer) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM absence_record WHERE school_id = ANY (?))")) {
            statement.setArray(1, connection.createArrayOf("bigint", viewer.schoolIds().toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * True when no pupil has two records for the same lesson hour or part of day among the school's
     * records on the file's dates, the ones just copied included: no duplicate within the file, and
     * none against a record stored before under another id.
     */
    private static boolean noLessonHourTwice(Connection connection, Viewer viewer, AcceptedTally tally) throws SQLException {
        if (tally.count() == 0) {
            return true;
        }
        try (var statement = connection.prepareStatement("""
                SELECT 1 FROM absence_record
                 WHERE school_id = ANY (?) AND absence_date BETWEEN ? AND ?
                 GROUP BY pupil_id, absence_date, lesson_hour, part_of_day, kind = 'LATE'
                HAVING count(*) > 1 LIMIT 1""")) {
            statement.setArray(1, connection.createArrayOf("bigint", viewer.schoolIds().toArray()));
            statement.setDate(2, Date.valueOf(tally.first()));
            statement.setDate(3, Date.valueOf(tally.last()));
            try (ResultSet rs = statement.executeQuery()) {
                return !rs.next();
            }
        }
    }

    private static void write(OutputStream out, StringBuilder text) throws IOException {
        if (!text.isEmpty()) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            text.setLength(0);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Could not delete the import spool file {}", file, e);
            }
        }
    }

    /**
     * COPY straight into {@code absence_record}. A record id stored before breaks the primary key; the
     * COPY then fails, the path is abandoned and the rest of the file is only checked and spooled.
     */
    private static final class DirectCopy {

        private final CopyIn in;
        private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 512);
        private boolean abandoned;

        private DirectCopy(CopyIn in) {
            this.in = in;
        }

        static DirectCopy open(Connection connection) throws SQLException {
            return new DirectCopy(connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY absence_record (" + CopyText.COLUMNS + ") FROM STDIN"));
        }

        void append(CharSequence line) {
            if (abandoned) {
                return;
            }
            buffer.append(line);
            if (buffer.length() >= FLUSH_CHARS) {
                flush();
            }
        }

        /** True when every row was copied and PostgreSQL accepted them all. */
        boolean finish() {
            if (abandoned) {
                return false;
            }
            flush();
            if (abandoned) {
                return false;
            }
            try {
                in.endCopy();
                return true;
            } catch (SQLException e) {
                abandonAfter(e);
                return false;
            }
        }

        void abandon() {
            if (abandoned) {
                return;
            }
            abandoned = true;
            buffer.setLength(0);
            try {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            } catch (SQLException e) {
                LOG.debug("Cancelling the direct absence copy: {}", e.getMessage());
            }
        }

        private void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                in.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                abandonAfter(e);
            }
        }

        private void abandonAfter(SQLException e) {
            // expected when a record id was stored before (23505); anything else shows again on the thorough path
            LOG.debug("Direct absence copy gave way to the staged import: {} {}", e.getSQLState(), e.getMessage());
            abandon();
        }
    }
}
