package nl.casustafel.meeting;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Counting school days: Monday to Friday (holidays are not known to the platform yet). */
public final class SchoolDays {

    private SchoolDays() {
    }

    public static LocalDate plus(LocalDate day, int schoolDays) {
        LocalDate result = day;
        int left = schoolDays;
        while (left > 0) {
            result = result.plusDays(1);
            if (result.getDayOfWeek() != DayOfWeek.SATURDAY && result.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return result;
    }
}
