package nl.casustafel.absence;

import io.micronaut.core.annotation.Nullable;
import nl.casustafel.school.Sector;

import java.time.LocalDate;
import java.util.List;

/**
 * What the signals are computed from, per pupil: the enrolment, the absence per school day (only
 * the kinds that count) and the dates of the last DUO reports that settle a signal.
 */
public record PupilAbsence(long pupilId,
                           String brin,
                           Sector sector,
                           LocalDate enrolledOn,
                           @Nullable LocalDate enrolledUntil,
                           List<Day> days,
                           @Nullable LocalDate lastRelativeReport,
                           @Nullable LocalDate lastLateReport,
                           @Nullable LocalDate lastAbsoluteReport) {

    public PupilAbsence {
        days = List.copyOf(days);
    }

    /** One day: unauthorised hours in hundredths, whether reported sick, and late arrivals. */
    public record Day(LocalDate date, int unauthorisedCentiHours, boolean sick, int lateArrivals) {
    }
}
