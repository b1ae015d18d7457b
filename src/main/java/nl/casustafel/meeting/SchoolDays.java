package nl.casustafel.meeting;

import jakarta.inject.Singleton;
import nl.casustafel.covenant.AbsenceThresholds;

import java.time.LocalDate;

/**
 * Counting school days in the covenant's calendar: Monday to Friday outside the school holidays of
 * the covenant file (the same calendar the absence signals count in).
 */
@Singleton
public class SchoolDays {

    private final AbsenceThresholds calendar;

    public SchoolDays(AbsenceThresholds calendar) {
        this.calendar = calendar;
    }

    /** The day that is {@code schoolDays} school days after {@code day}. */
    public LocalDate plus(LocalDate day, int schoolDays) {
        LocalDate result = day;
        for (int i = 0; i < schoolDays; i++) {
            result = calendar.nextSchoolDay(result);
        }
        return result;
    }
}
