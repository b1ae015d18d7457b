package nl.casustafel.absence;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.covenant.AbsenceThresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: a school's signals are kept per pupil and recomputed only for the pupils whose data changed, whoever
 * changed it (the database moves the pupil's {@code signal_version} in the changing transaction, V38). After each
 * change the kept results must equal a computation from scratch, and only the changed pupil is computed again.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptSignalsTest implements CasustafelTestProperties {

    private static final LocalDate ON = LocalDate.of(2026, 11, 25);

    @Inject
    AbsenceSignals signals;
    @Inject
    JdbcOperations jdbc;
    @Inject
    AbsenceThresholds thresholds;
    @Inject
    Clock clock;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    TestSql sql;

    private long school;

    private Map<Long, PupilSignals> kept(LocalDate on) {
        return signals.forSchools(List.of(school), on).stream().collect(Collectors.toMap(PupilSignals::pupilId, Function.identity()));
    }

    /** The same list computed by a fresh instance that keeps nothing yet. */
    private Map<Long, PupilSignals> fromScratch(LocalDate on) {
        AbsenceSignals fresh = new AbsenceSignals(jdbc, thresholds, clock);
        return tx.executeRead(s -> fresh.forSchools(List.of(school), on)).stream()
                .collect(Collectors.toMap(PupilSignals::pupilId, Function.identity()));
    }

    private long id(String query) {
        return sql.query(query, st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
    }

    /** Runs {@code change}, then asserts that exactly {@code recomputed} pupils were computed again and all equal scratch. */
    private Map<Long, PupilSignals> afterChange(Runnable change, long recomputed) {
        change.run();
        long before = signals.computations();
        Map<Long, PupilSignals> now = kept(ON);
        assertEquals(recomputed, signals.computations() - before, "only the changed pupils are computed again");
        assertEquals(fromScratch(ON), now, "kept results equal a computation from scratch");
        return now;
    }

    @Test
    void onlyThePupilWhoseRecordsReportsOrEnrolmentChangedIsComputedAgain() {
        school = id("SELECT id FROM school WHERE brin = '02CD'");
        Map<Long, PupilSignals> first = kept(ON);
        assertTrue(first.size() > 10);
        long before = signals.computations();
        assertEquals(first, kept(ON));
        assertEquals(0, signals.computations() - before, "nothing changed: every pupil's signals are kept");
        // a pupil without records, DUO reports or a leaving date (other tests in the same database may have given
        // the demo's pupils any of these)
        long pupil = id("""
                SELECT min(p.id) FROM pupil p WHERE p.school_id = %d AND p.enrolled_until IS NULL AND p.enrolled_on <= DATE '2026-09-01'
                   AND NOT EXISTS (SELECT 1 FROM absence_record r WHERE r.pupil_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM duo_report d WHERE d.pupil_id = p.id)""".formatted(school));
        assertTrue(first.get(pupil).signals().isEmpty());
        String ids = "KEPT-" + pupil + "-" + System.nanoTime() + "-";

        // records added (as an import or the API writes them): 20 unauthorised hours in the week before
        Map<Long, PupilSignals> withRecords = afterChange(() -> sql.update("""
                INSERT INTO absence_record (school_id, source_id, pupil_id, absence_date, part_of_day, kind, hours, hour_unit)
                SELECT %d, '%s' || d, %d, DATE '2026-11-16' + d, 'DAY', 'UNAUTHORISED', 4, 'LESSON_HOUR' FROM generate_series(0, 4) d
                """.formatted(school, ids, pupil)), 1);
        assertTrue(withRecords.get(pupil).signals().stream().anyMatch(s -> s.type() == Signal.Type.RELATIVE_ABSENCE),
                "20 unauthorised hours give a signal at once");
        assertEquals(withoutPupil(first, pupil), withoutPupil(withRecords, pupil), "the other pupils' signals stand");

        // a record corrected, then a DUO report recorded, then a record removed (erasure, destruction)
        afterChange(() -> sql.update("UPDATE absence_record SET hours = 1 WHERE source_id = '" + ids + "0' AND school_id = " + school), 1);
        afterChange(() -> sql.update("""
                INSERT INTO duo_report (pupil_id, school_id, kind, reported_on, duo_reference, recorded_by)
                SELECT %d, %d, 'RELATIVE_16H', DATE '2026-11-21', 'KEPT-DUO', min(id) FROM user_account
                """.formatted(pupil, school)), 1);
        afterChange(() -> sql.update("DELETE FROM absence_record WHERE source_id LIKE '" + ids + "%' AND school_id = " + school), 1);

        // the pupil leaves the school: no longer on its list
        Map<Long, PupilSignals> left = afterChange(() -> sql.update(
                "UPDATE pupil SET enrolled_until = DATE '2026-09-30' WHERE id = " + pupil), 1);
        assertNotEquals(first.get(pupil), left.get(pupil), "the enrolment counts: the pupil's result is computed anew");
        afterChange(() -> sql.update("UPDATE pupil SET enrolled_until = NULL WHERE id = " + pupil), 1);

        // a new day moves every window: everyone is computed once, then kept again
        LocalDate next = ON.plusDays(1);
        before = signals.computations();
        assertEquals(fromScratch(next), kept(next));
        assertEquals(first.size(), signals.computations() - before);
        before = signals.computations();
        kept(next);
        assertEquals(0, signals.computations() - before);
    }

    private static Map<Long, PupilSignals> withoutPupil(Map<Long, PupilSignals> all, long pupil) {
        return all.entrySet().stream().filter(e -> e.getKey() != pupil).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
