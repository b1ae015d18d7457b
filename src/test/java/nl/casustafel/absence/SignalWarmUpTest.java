package nl.casustafel.absence;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.casustafel.CasustafelTestProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: the signals are computed ahead, so that the first work list after an import or on a new day is served
 * from what is kept: after an import commits, only its changed pupils are computed (in the background), and the
 * nightly run computes every school's signals of the day.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalWarmUpTest implements CasustafelTestProperties {

    @Inject
    AbsenceSignals signals;
    @Inject
    SignalWarmUp warmUp;
    @Inject
    ApplicationEventPublisher<AbsenceImported> imported;
    @Inject
    TransactionOperations<Connection> tx;
    @Inject
    TestSql sql;

    @Override
    public boolean signalWarmUp() {
        return true;
    }

    private long school(String brin) {
        return sql.query("SELECT id FROM school WHERE brin = '" + brin + "'", st -> {
            var rs = st.executeQuery();
            rs.next();
            return rs.getLong(1);
        });
    }

    /** Waits until the number of computations has stood still for half a second (at most 20 s), and returns it. */
    private static long settled(LongSupplier computations) throws InterruptedException {
        long last = -1;
        for (int i = 0; i < 200; i++) {
            long now = computations.getAsLong();
            if (now == last) {
                return now;
            }
            last = now;
            Thread.sleep(500);
        }
        return last;
    }

    @Test
    void afterAnImportOnlyItsChangedPupilIsComputedAheadAndTheNextListComputesNothing() throws InterruptedException {
        long school = school("02CD");
        List<PupilSignals> first = signals.forSchools(List.of(school));
        long pupil = first.getFirst().pupilId();
        long before = settled(signals::computations);
        LocalDate day = signals.today().minusDays(3);
        tx.executeWrite(status -> {
            sql.update("""
                    INSERT INTO absence_record (school_id, source_id, pupil_id, absence_date, part_of_day, kind, hours, hour_unit)
                    VALUES (%d, '%s', %d, DATE '%s', 'DAY', 'UNAUTHORISED', 4, 'LESSON_HOUR')""".formatted(school,
                    "WARM-" + pupil + "-" + System.nanoTime(), pupil, day));
            imported.publishEvent(new AbsenceImported(Set.of(school), day, day));
            return null;
        });
        assertEquals(before + 1, settled(signals::computations), "the import's one changed pupil is computed ahead, no one else");
        signals.forSchools(List.of(school));
        assertEquals(before + 1, signals.computations(), "the work list after the import computes nothing");
    }

    @Test
    void theNightlyRunComputesEverySchoolAhead() throws InterruptedException {
        warmUp.newDay();
        long after = settled(signals::computations);
        assertTrue(after > 0);
        signals.forSchools(List.of(school("01AB")));
        signals.forSchools(List.of(school("02CD")));
        assertEquals(after, signals.computations(), "the first work lists of the day compute nothing");
    }
}
