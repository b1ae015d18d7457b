package nl.casustafel.covenant;

import nl.casustafel.school.Sector;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * The absence thresholds of the covenant ({@code thresholds:} in the covenant file) and the school
 * calendar they count in: school weeks are weeks with at least one school day; school days are
 * Monday to Friday outside the holidays.
 */
public record AbsenceThresholds(int relativeAbsenceHours,
                                int relativeAbsenceWeeks,
                                int sickReportsCount,
                                int sickReportsWeeks,
                                int consecutiveSickDays,
                                int lateArrivalDefault,
                                int lateArrivalTalkAt,
                                Map<String, Integer> lateArrivalPerSchool,
                                Map<Sector, Integer> lastHourOfSchoolDay,
                                List<Holiday> holidays) {

    public AbsenceThresholds {
        lateArrivalPerSchool = Map.copyOf(lateArrivalPerSchool);
        lastHourOfSchoolDay = Map.copyOf(lastHourOfSchoolDay);
        holidays = List.copyOf(holidays);
    }

    /** A school holiday, both days included. */
    public record Holiday(String name, LocalDate from, LocalDate until) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(until);
        }
    }

    /** The late arrival that asks for a DUO report at a school (BRIN). */
    public int lateArrivalThreshold(String brin) {
        return lateArrivalPerSchool.getOrDefault(brin, lateArrivalDefault);
    }

    public int lastHour(Sector sector) {
        return lastHourOfSchoolDay.get(sector);
    }

    public boolean isHoliday(LocalDate day) {
        for (Holiday holiday : holidays) {
            if (holiday.covers(day)) {
                return true;
            }
        }
        return false;
    }

    public boolean isSchoolDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !isHoliday(day);
    }

    /** The Monday of the week the day falls in. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Whether the week starting on this Monday has at least one school day. */
    public boolean isSchoolWeek(LocalDate monday) {
        for (int i = 0; i < 5; i++) {
            if (!isHoliday(monday.plusDays(i))) {
                return true;
            }
        }
        return false;
    }

    /** The Monday of the next school week after the week of {@code monday}. */
    public LocalDate nextSchoolWeek(LocalDate monday) {
        LocalDate next = monday.plusWeeks(1);
        for (int guard = 0; guard < 60 && !isSchoolWeek(next); guard++) {
            next = next.plusWeeks(1);
        }
        return next;
    }

    /** The Monday of the previous school week before the week of {@code monday}. */
    public LocalDate previousSchoolWeek(LocalDate monday) {
        LocalDate previous = monday.minusWeeks(1);
        for (int guard = 0; guard < 60 && !isSchoolWeek(previous); guard++) {
            previous = previous.minusWeeks(1);
        }
        return previous;
    }

    /** The next school day after {@code day}. */
    public LocalDate nextSchoolDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        for (int guard = 0; guard < 400 && !isSchoolDay(next); guard++) {
            next = next.plusDays(1);
        }
        return next;
    }
}
