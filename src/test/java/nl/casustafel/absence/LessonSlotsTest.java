package nl.casustafel.absence;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-file duplicate check of the import's direct path: exact per pupil, date, slot and lateness. */
class LessonSlotsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    @Test
    void aLessonHourTwiceForOnePupilOnOneDateIsSeen() {
        LessonSlots slots = new LessonSlots();
        assertFalse(slots.seenBefore(hour(7, MONDAY, 3, AbsenceKind.UNAUTHORISED)));
        assertTrue(slots.seenBefore(hour(7, MONDAY, 3, AbsenceKind.SICK)), "another kind in the same hour is still the same hour");
    }

    @Test
    void otherPupilsDatesHoursPartsOfDayAndLateArrivalAreOtherSlots() {
        LessonSlots slots = new LessonSlots();
        assertFalse(slots.seenBefore(hour(7, MONDAY, 3, AbsenceKind.UNAUTHORISED)));
        assertFalse(slots.seenBefore(hour(8, MONDAY, 3, AbsenceKind.UNAUTHORISED)));
        assertFalse(slots.seenBefore(hour(7, MONDAY.plusDays(1), 3, AbsenceKind.UNAUTHORISED)));
        assertFalse(slots.seenBefore(hour(7, MONDAY, 4, AbsenceKind.UNAUTHORISED)));
        assertFalse(slots.seenBefore(hour(7, MONDAY, 3, AbsenceKind.LATE)), "late for a lesson he then attended");
        assertFalse(slots.seenBefore(part(7, MONDAY, PartOfDay.MORNING)));
        assertFalse(slots.seenBefore(part(7, MONDAY, PartOfDay.AFTERNOON)));
        assertTrue(slots.seenBefore(part(7, MONDAY, PartOfDay.MORNING)));
    }

    @Test
    void aYearOfDistinctSlotsGivesNoFalseDuplicateAsTheTableGrows() {
        LessonSlots slots = new LessonSlots();
        for (long pupil = 1; pupil <= 2_000; pupil++) {
            for (int day = 0; day < 50; day++) {
                for (int hour = 1; hour <= 2; hour++) {
                    assertFalse(slots.seenBefore(hour(pupil, MONDAY.plusDays(day), hour, AbsenceKind.SICK)));
                }
            }
        }
        assertTrue(slots.tracking());
        assertTrue(slots.seenBefore(hour(1_234, MONDAY.plusDays(17), 2, AbsenceKind.UNAUTHORISED)));
    }

    private static AbsenceRecord hour(long pupil, LocalDate date, int hour, AbsenceKind kind) {
        return new AbsenceRecord(1, 1, "R", pupil, date, hour, null, kind, BigDecimal.ONE, AbsenceRecord.HourUnit.LESSON_HOUR, null);
    }

    private static AbsenceRecord part(long pupil, LocalDate date, PartOfDay part) {
        return new AbsenceRecord(1, 1, "R", pupil, date, null, part, AbsenceKind.SICK, BigDecimal.ONE, AbsenceRecord.HourUnit.CLOCK_HOUR, null);
    }
}
