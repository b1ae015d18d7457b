package nl.casustafel.retention;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.account.Viewer;
import nl.casustafel.audit.AccessLogChain;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.PupilReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Art. 5.5 and 9: closing a case, and destroying its personal data a year later, keeping only counts. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetentionServiceTest implements CasustafelTestProperties {

    @Inject
    ClosingService closing;
    @Inject
    DestructionService destruction;
    @Inject
    RetentionFixtures fixtures;
    @Inject
    PupilReader reader;
    @Inject
    AccessLogChain chain;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> tx;

    @Test
    void personalDataIsDestroyedOnTheDayAYearAfterTheClosingDecisionAndOnlyCountsRemain() {
        Viewer school = fixtures.viewer(RetentionFixtures.SCHOOL);
        long closed = fixtures.pupilWithCaseFile();
        long closedLater = fixtures.pupilWithCaseFile();
        long open = fixtures.pupilWithCaseFile();
        reader.read(school, closed, null, "test"); // an identified read: a row in the access log for this pupil
        ClosingDecision decision = closing.close(school, closed, new ClosingService.NewClosing(ClosingReason.LEFT_REGION, LocalDate.of(2026, 1, 10)));
        assertEquals(LocalDate.of(2027, 1, 10), decision.destroyOn());
        closing.close(school, closedLater, new ClosingService.NewClosing(ClosingReason.DECEASED, LocalDate.of(2026, 1, 11)));
        Map<String, Long> closedLaterBefore = fixtures.footprint(closedLater);
        Map<String, Long> openBefore = fixtures.footprint(open);
        assertTrue(fixtures.footprint(closed).values().stream().allMatch(n -> n > 0), "every table holds a row: " + fixtures.footprint(closed));
        long statisticBefore = statistic();
        long logRows = fixtures.count("SELECT count(*) FROM access_log");
        long logRowsOfPupil = fixtures.count("SELECT count(*) FROM access_log WHERE pupil_id = ?", closed);
        assertTrue(logRowsOfPupil > 0);

        destruction.destroyDue(LocalDate.of(2027, 1, 9));
        assertEquals(closedLaterBefore, fixtures.footprint(closedLater));
        assertTrue(fixtures.footprint(closed).values().stream().allMatch(n -> n > 0), "nothing destroyed the day before");
        assertEquals(statisticBefore, statistic());

        DestructionService.Run run = destruction.destroyDue(LocalDate.of(2027, 1, 10));
        assertEquals(1, run.destroyed());
        assertEquals(0, run.failed());
        fixtures.footprint(closed).forEach((table, rows) -> assertEquals(0L, rows, table + " still refers to the pupil"));
        assertEquals(List.of(), columnsStillReferring(closed));
        assertEquals(statisticBefore + 1, statistic());
        assertEquals(1, fixtures.count("""
                SELECT cases FROM destruction_log WHERE destroyed_on = DATE '2027-01-10'
                   AND school_id = (SELECT id FROM school WHERE brin = '02CD')"""));
        assertFalse(columns("retention_statistic").stream().anyMatch(c -> c.contains("pupil") || c.contains("date") || c.endsWith("_on")),
                "statistics hold no pupil id and no dates: " + columns("retention_statistic"));
        assertFalse(columns("destruction_log").stream().anyMatch(c -> c.contains("pupil")));

        assertEquals(logRows, fixtures.count("SELECT count(*) FROM access_log"));
        assertEquals(logRowsOfPupil, fixtures.count("SELECT count(*) FROM access_log WHERE pupil_id = ?", closed));
        AccessLogChain.Verification verification = chain.verify();
        assertTrue(verification.intact(), "access log chain broken at " + verification.firstBrokenRow());

        assertEquals(closedLaterBefore, fixtures.footprint(closedLater));
        assertEquals(openBefore, fixtures.footprint(open));
        assertTrue(reader.read(school, closedLater, null, "test").isPresent());
        assertTrue(reader.read(school, closed, null, "test").isEmpty());

        assertEquals(0, destruction.destroyDue(LocalDate.of(2027, 1, 10)).destroyed(), "a second run finds nothing more");
    }

    @Test
    void aCareCoordinatorOfAnotherSchoolCannotCloseTheCaseAndNothingIsWritten() {
        long pupil = fixtures.pupil();
        long before = fixtures.count("SELECT count(*) FROM closing_decision");
        HttpStatusException refused = assertThrows(HttpStatusException.class, () -> closing.close(fixtures.viewer("zorg.veenhoven"), pupil,
                new ClosingService.NewClosing(ClosingReason.LEFT_REGION, LocalDate.of(2026, 3, 1))));
        assertEquals(HttpStatus.NOT_FOUND, refused.getStatus());
        assertThrows(HttpStatusException.class, () -> closing.reopen(fixtures.viewer("zorg.veenhoven"), pupil));
        assertEquals(before, fixtures.count("SELECT count(*) FROM closing_decision"));
    }

    @Test
    void aFutureDateOrNoReasonIsRefusedAtTheFieldInDutch() {
        long pupil = fixtures.pupil();
        Viewer school = fixtures.viewer(RetentionFixtures.SCHOOL);
        InvalidInputException future = assertThrows(InvalidInputException.class, () -> closing.close(school, pupil,
                new ClosingService.NewClosing(ClosingReason.ATTENDED_ONE_YEAR, LocalDate.now(nl.casustafel.platform.ClockFactory.AMSTERDAM).plusDays(1))));
        assertEquals("decidedOn", future.field());
        assertEquals("De datum van het afsluitbesluit kan niet in de toekomst liggen.", future.getMessage());
        InvalidInputException noReason = assertThrows(InvalidInputException.class, () -> closing.close(school, pupil,
                new ClosingService.NewClosing(null, LocalDate.of(2026, 3, 1))));
        assertEquals("reason", noReason.field());
        assertEquals("Kies de reden waarom het dossier wordt gesloten.", noReason.getMessage());
        assertEquals(0, fixtures.count("SELECT count(*) FROM closing_decision WHERE pupil_id = ?", pupil));
    }

    @Test
    void reopeningBeforeDestructionKeepsTheData() {
        Viewer school = fixtures.viewer(RetentionFixtures.SCHOOL);
        long pupil = fixtures.pupilWithCaseFile();
        closing.close(school, pupil, new ClosingService.NewClosing(ClosingReason.ATTENDED_ONE_YEAR, LocalDate.of(2025, 12, 1)));
        assertTrue(closing.of(school, pupil).isPresent());
        closing.reopen(school, pupil);
        assertTrue(closing.of(school, pupil).isEmpty());
        Map<String, Long> kept = fixtures.footprint(pupil);

        destruction.destroyDue(LocalDate.of(2026, 12, 1));
        assertEquals(kept, fixtures.footprint(pupil));
        assertTrue(reader.read(school, pupil, null, "test").isPresent());
        InvalidInputException notClosed = assertThrows(InvalidInputException.class, () -> closing.reopen(school, pupil));
        assertEquals("Het dossier van deze leerling is niet gesloten.", notClosed.getMessage());
        // Closed again later, it gets a new destruction date.
        assertEquals(LocalDate.of(2027, 6, 2), closing.close(school, pupil,
                new ClosingService.NewClosing(ClosingReason.LEFT_REGION, LocalDate.of(2026, 6, 2))).destroyOn());
    }

    private long statistic() {
        return fixtures.count("""
                SELECT coalesce(sum(cases), 0) FROM retention_statistic WHERE closing_year = 2026 AND sector = 'VO' AND reason = 'LEFT_REGION'
                   AND at_verzuimoverleg AND NOT at_sot AND NOT at_thuiszitterstafel""");
    }

    /**
     * Every column in the database that refers to a pupil — by foreign key to pupil(id) or by the name
     * pupil_id — except the access log's, with rows for this pupil. Catches tables added after this test.
     */
    private List<String> columnsStillReferring(long pupil) {
        return tx.executeRead(s -> {
            List<String[]> columns = new ArrayList<>();
            jdbc.prepareStatement("""
                    SELECT c.table_name, c.column_name FROM information_schema.columns c
                     WHERE c.table_schema = current_schema() AND c.column_name = 'pupil_id' AND c.table_name <> 'access_log'
                    UNION
                    SELECT cl.relname, a.attname FROM pg_constraint k
                      JOIN pg_class cl ON cl.oid = k.conrelid
                      JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
                     WHERE k.contype = 'f' AND k.confrelid = 'pupil'::regclass
                    """, st -> {
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
                return null;
            });
            List<String> referring = new ArrayList<>();
            for (String[] c : columns) {
                long rows = jdbc.prepareStatement("SELECT count(*) FROM \"" + c[0] + "\" WHERE \"" + c[1] + "\" = ?", st -> {
                    st.setLong(1, pupil);
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                if (rows > 0) {
                    referring.add(c[0] + "." + c[1]);
                }
            }
            return referring;
        });
    }

    private List<String> columns(String table) {
        return tx.executeRead(s -> jdbc.prepareStatement("""
                SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?
                """, st -> {
            st.setString(1, table);
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        }));
    }
}
