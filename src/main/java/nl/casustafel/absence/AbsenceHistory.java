package nl.casustafel.absence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A pupil's absence per calendar month over the last year, from the absence records: unauthorised and
 * authorised hours, days reported sick and late arrivals. Callers show it only where the privacy kernel
 * allows the pupil's absence figures.
 */
@Singleton
public class AbsenceHistory {

    private final JdbcOperations jdbc;
    private final Clock clock;

    public AbsenceHistory(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One month: {@code month} as {@code 2026-11}; hours in the school's unit (clock or lesson hours). */
    @Serdeable
    public record Month(String month, double unauthorisedHours, double authorisedHours, int sickDays, int lateArrivals) {
    }

    /**
     * The months of the last year with any absence, oldest first. The records' only secondary index leads with the
     * school (V5: school, pupil, date), so the condition names every school (always true: school_id is a foreign key
     * to school): one index probe per school instead of a sequential scan of all records (issue 14, bench/region).
     */
    @Transactional(readOnly = true)
    public List<Month> byMonth(long pupilId) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.prepareStatement("""
                SELECT to_char(absence_date, 'YYYY-MM') AS month,
                       coalesce(sum(hours) FILTER (WHERE kind = 'UNAUTHORISED'), 0) AS unauthorised,
                       coalesce(sum(hours) FILTER (WHERE kind IN ('SICK', 'LEAVE', 'OTHER_VALID')), 0) AS authorised,
                       count(DISTINCT absence_date) FILTER (WHERE kind = 'SICK') AS sick_days,
                       count(*) FILTER (WHERE kind = 'LATE') AS lates
                  FROM absence_record
                 WHERE school_id = ANY (ARRAY(SELECT id FROM school)) AND pupil_id = ? AND absence_date BETWEEN ? AND ?
                 GROUP BY 1 ORDER BY 1
                """, statement -> {
            statement.setLong(1, pupilId);
            statement.setDate(2, Date.valueOf(today.minusYears(1).withDayOfMonth(1)));
            statement.setDate(3, Date.valueOf(today));
            List<Month> months = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    months.add(new Month(rs.getString("month"), rs.getDouble("unauthorised"), rs.getDouble("authorised"),
                            rs.getInt("sick_days"), rs.getInt("lates")));
                }
            }
            return months;
        });
    }
}
