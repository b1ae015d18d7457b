package nl.casustafel.absence;

import nl.casustafel.privacy.PupilIdentityRepository;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.AbsenceThresholds;
import nl.casustafel.meeting.MeetingTables;
import nl.casustafel.privacy.TestBsns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV import against the demo region: all or nothing, idempotent, streaming; the demo file's signals. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbsenceImportTest implements CasustafelTestProperties {

    private static final String HEADER = "registratie_id;brin;bsn;datum;lesuur;dagdeel;soort;uren;redencode\n";

    @Inject
    AbsenceImporter importer;
    @Inject
    AbsenceSignals signals;
    @Inject
    MeetingTables tables;
    @Inject
    AccountService accounts;
    @Inject
    AbsenceThresholds thresholds;
    @Inject
    TestSql sql;
    @Inject
    PupilIdentityRepository identities;
    @Inject
    TestBsns bsns;

    @Test
    void aFileWithOneBadRowImportsNothingAndNamesTheLine() {
        long before = count("T1-%");
        String file = HEADER
                + "T1-1;02CD;243078353;2026-11-02;3;;ONGEOORLOOFD;1;ONG\n"
                + "T1-2;02CD;243078353;2026-11-02;4;;ONGEOORLOOFD;1;ONG\n"
                + "T1-3;02CD;243078353;2026-11-02;11;;ONGEOORLOOFD;1;ONG\n"
                + "T1-4;02CD;243078353;2026-11-03;1;;ONGEOORLOOFD;1;ONG\n";
        ImportReport report = importer.run(viewer("zorg.dijkstad"), AbsenceCsv.open(new StringReader(file)), AbsenceImporter.Mode.IMPORT, n -> { });
        assertFalse(report.written());
        assertEquals(1, report.rejectedCount());
        assertEquals(new ImportReport.RejectedRow(4, "lesuur 11 valt buiten de schooldag (1 tot en met 10)"), report.rejected().getFirst());
        assertEquals(before, count("T1-%"));
    }

    @Test
    void thePreviewNamesEveryRejectedRowInDutch() {
        String file = HEADER
                + "T2-1;02CD;999999999;2026-11-02;3;;ONGEOORLOOFD;1;ONG\n"
                + "T2-2;02CD;243078353;2026-13-02;4;;ONGEOORLOOFD;1;ONG\n"
                + "T2-3;02CD;243078353;2026-11-02;5;;ONGEOORLOOFD;1;ONG\n"
                + "T2-3;02CD;243078353;2026-11-02;6;;ONGEOORLOOFD;1;ONG\n"
                + "T2-5;02CD;243078353;2026-11-07;1;;ZIEK;1;Z\n"
                + "T2-6;02CD;243078353;2026-11-02;5;;ZIEK;1;Z\n"
                + "T2-7;03EF;489274213;2026-11-02;1;;ZIEK;1;Z\n";
        ImportReport report = importer.run(viewer("zorg.dijkstad"), AbsenceCsv.open(new StringReader(file)), AbsenceImporter.Mode.PREVIEW, n -> { });
        Map<Long, String> reasons = report.rejected().stream().collect(Collectors.toMap(ImportReport.RejectedRow::line, ImportReport.RejectedRow::reason));
        assertEquals("onbekende leerling: er staat geen leerling met dit BSN op Dijkstad College", reasons.get(2L));
        assertEquals("ongeldige datum '2026-13-02' (gebruik jjjj-mm-dd of dd-mm-jjjj)", reasons.get(3L));
        assertEquals("dubbel: registratie-id T2-3 staat ook op regel 4", reasons.get(5L));
        assertEquals("07-11-2026 is geen schooldag (weekend of schoolvakantie)", reasons.get(6L));
        assertEquals("dubbel: deze leerling heeft op deze datum al een registratie voor dit lesuur (regel 4)", reasons.get(7L));
        assertEquals("school 03EF is geen school waarvoor u werkt", reasons.get(8L));
        assertEquals(6, report.rejectedCount());
        assertEquals(1, report.accepted());
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() {
        String file = HEADER
                + "T3-1;02CD;243078353;2026-09-02;1;;VERLOF;1;V\n"
                + "T3-2;02CD;243078353;2026-09-02;2;;VERLOF;1;V\n";
        ImportReport first = importer.run(viewer("zorg.dijkstad"), AbsenceCsv.open(new StringReader(file)), AbsenceImporter.Mode.IMPORT, n -> { });
        assertTrue(first.written());
        assertEquals(2, first.added());
        String stamp = recordedAt("T3-%");
        ImportReport again = importer.run(viewer("zorg.dijkstad"), AbsenceCsv.open(new StringReader(file)), AbsenceImporter.Mode.IMPORT, n -> { });
        assertTrue(again.written());
        assertEquals(0, again.added());
        assertEquals(0, again.changed());
        assertEquals(2, again.unchanged());
        assertEquals(2, count("T3-%"));
        assertEquals(stamp, recordedAt("T3-%"));
    }

    @Test
    void aFileOfKnownChangedAndNewRecordsAddsAndCorrectsAndLeavesTheRestAlone() {
        String first = HEADER
                + "T4-1;02CD;243078353;2026-09-03;1;;VERLOF;1;V\n"
                + "T4-2;02CD;243078353;2026-09-03;2;;VERLOF;1;V\n";
        assertEquals(2, importer.run(viewer("zorg.dijkstad"), AbsenceCsv.open(new StringReader(first)), AbsenceImporter.Mode.IMPORT, n -> { }).added());
        String stamp = recordedAt("T4-1");
        String next = HEADER
                + "T4-1;02CD;243078353;2026-09-03;1;;VERLOF;1;V\n"
                + "T4-2;02CD;243078353;2026-09-03;2;;VERLOF;0.5;VK\n"
                + "T4-3;02CD;243078353;2026-09-03;3;;VERLOF;1;V\n";
        ImportReport report = importer.run(viewer("zorg.dijkstad"), AbsenceCsv.open(new StringReader(next)), AbsenceImporter.Mode.IMPORT, n -> { });
        assertTrue(report.written(), () -> report.rejected().toString());
        assertEquals(List.of(1L, 1L, 1L), List.of(report.added(), report.changed(), report.unchanged()));
        assertEquals(3, count("T4-%"));
        assertEquals("0.50 VK", sql.query("SELECT hours || ' ' || reason_code FROM absence_record WHERE source_id = 'T4-2'", s -> {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
        assertEquals(stamp, recordedAt("T4-1"), "an unchanged record is not rewritten");
    }

    @Test
    void twoRecordsForOneLessonHourInAFileStoreNothing() {
        String file = HEADER
                + "T5-1;02CD;243078353;2026-09-04;1;;VERLOF;1;V\n"
                + "T5-2;02CD;243078353;2026-09-04;1;;ONGEOORLOOFD;1;ONG\n";
        ImportReport report = importer.run(viewer("zorg.dijkstad"), AbsenceCsv.open(new StringReader(file)), AbsenceImporter.Mode.IMPORT, n -> { });
        assertFalse(report.written());
        assertEquals(List.of(new ImportReport.RejectedRow(3, "dubbel: deze leerling heeft op deze datum al een registratie voor dit lesuur (regel 2)")),
                report.rejected());
        assertEquals(0, count("T5-%"));
    }

    @Test
    void aLessonHourStoredBeforeUnderAnotherRecordIdIsRefused() {
        String file = HEADER
                + "T6-1;02CD;243078353;2026-09-07;1;;VERLOF;1;V\n"
                + "T6-2;02CD;243078353;2026-11-04;1;;ONGEOORLOOFD;1;ONG\n";
        ImportReport report = importer.run(viewer("zorg.dijkstad"), AbsenceCsv.open(new StringReader(file)), AbsenceImporter.Mode.IMPORT, n -> { });
        assertFalse(report.written());
        assertEquals(List.of(new ImportReport.RejectedRow(3,
                "dubbel: deze leerling heeft op deze datum al een registratie voor dit lesuur (registratie-id DC-2026-000080)")), report.rejected());
        assertEquals(0, count("T6-%"));
    }

    @Test
    void aHundredThousandRowFileIsReadAsItStreams() {
        List<String> bsns = bsnsOf("03EF", LocalDate.of(2024, 8, 25));
        GeneratedAbsenceFile file = new GeneratedAbsenceFile("BIG-", "03EF", bsns, thresholds, 10, LocalDate.of(2024, 9, 2), 100_000);
        List<long[]> seen = new ArrayList<>();
        try {
            ImportReport report = importer.run(viewer("zorg.veenhoven"), AbsenceCsv.open(new InputStreamReader(file, StandardCharsets.UTF_8)),
                    AbsenceImporter.Mode.IMPORT, rows -> seen.add(new long[] {rows, file.bytesRead()}));
            assertTrue(report.written(), () -> report.rejected().toString());
            assertEquals(100_000, report.added());
            long total = file.bytesRead();
            long[] atTenThousand = seen.getFirst();
            assertEquals(10_000, atTenThousand[0]);
            assertTrue(atTenThousand[1] < total / 5, "after 10,000 rows the reader had taken " + atTenThousand[1] + " of " + total + " bytes");
            assertEquals(100_000, count("BIG-%"));
        } finally {
            sql.update("DELETE FROM absence_record WHERE source_id LIKE 'BIG-%'");
        }
    }

    @Test
    void theDemoFileGivesSignalsAndCandidates() {
        long school = schoolId("02CD");
        Map<Long, PupilSignals> bySchool = signals.forSchools(List.of(school), LocalDate.of(2026, 11, 25)).stream()
                .collect(Collectors.toMap(PupilSignals::pupilId, Function.identity()));
        assertTrue(types(bySchool.get(pupil("153800082"))).contains(Signal.Type.RELATIVE_ABSENCE), "17 hours across the autumn holiday");
        assertTrue(types(bySchool.get(pupil("402076072"))).contains(Signal.Type.RELATIVE_ABSENCE), "exactly 16 hours");
        assertTrue(types(bySchool.get(pupil("201376532"))).contains(Signal.Type.WORRYING_SICKNESS), "4 sick reports");
        assertTrue(types(bySchool.get(pupil("350627526"))).contains(Signal.Type.WORRYING_SICKNESS), "7 days across a weekend");
        assertTrue(types(bySchool.get(pupil("104472418"))).contains(Signal.Type.FREQUENT_LATE), "10 late arrivals");
        assertTrue(bySchool.get(pupil("561096338")).belowThreshold(), "reported to DUO on 16 November; 2 hours since");
        List<Long> candidates = tables.belowThreshold(school, LocalDate.of(2026, 11, 25)).stream().map(MeetingTables.Figures::pupilId).toList();
        for (String bsn : List.of("283158839", "389519285", "472141326", "243078353", "561096338")) {
            assertTrue(candidates.contains(pupil(bsn)), bsn + " is a candidate");
        }
        assertFalse(candidates.contains(pupil("153800082")));
    }

    private static List<Signal.Type> types(PupilSignals s) {
        return s.signals().stream().map(Signal::type).toList();
    }

    private Viewer viewer(String username) {
        return accounts.viewer(username).orElseThrow();
    }

    private long count(String pattern) {
        return sql.query("SELECT count(*) FROM absence_record WHERE source_id LIKE ?", s -> {
            s.setString(1, pattern);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private String recordedAt(String pattern) {
        return sql.query("SELECT string_agg(recorded_at::text, ',' ORDER BY source_id) FROM absence_record WHERE source_id LIKE ?", s -> {
            s.setString(1, pattern);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    private long pupil(String bsn) {
        return identities.findByBsn(bsn).orElseThrow().pupilId();
    }

    private long schoolId(String brin) {
        return sql.query("SELECT id FROM school WHERE brin = ?", s -> {
            s.setString(1, brin);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<String> bsnsOf(String brin, LocalDate enrolledBy) {
        return sql.query("""
                SELECT p.id FROM pupil p JOIN school s ON s.id = p.school_id
                 WHERE s.brin = ? AND p.enrolled_on <= ? AND p.enrolled_until IS NULL ORDER BY p.id""", s -> {
            s.setString(1, brin);
            s.setObject(2, enrolledBy);
            List<String> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(bsns.of(rs.getLong(1)));
                }
            }
            return found;
        });
    }
}
