package nl.casustafel.monitoring;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.casustafel.absence.AbsenceImported;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps the absence summary tables (V32) up to date: after each absence import, in the import's transaction, the
 * months and school years the import touched are counted again for the import's schools from the records. A
 * hand-tuned statement rather than a repository: it deletes and re-inserts aggregates in bulk.
 */
@Singleton
class AbsenceSummaries {

    private final JdbcOperations jdbc;

    AbsenceSummaries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void imported(AbsenceImported event) {
        Long[] schools = event.schoolIds().toArray(Long[]::new);
        Date from = Date.valueOf(event.first().withDayOfMonth(1));
        Date until = Date.valueOf(event.last().withDayOfMonth(1).plusMonths(1)); // exclusive
        SchoolYear firstYear = SchoolYear.of(event.first());
        SchoolYear lastYear = SchoolYear.of(event.last());
        Connection connection = jdbc.getConnection();
        try {
            run(connection, "DELETE FROM monitoring_absence_month WHERE school_id = ANY (?) AND month >= ? AND month < ?", schools, from, until);
            run(connection, """
                    INSERT INTO monitoring_absence_month (school_id, month, kind, pupils, records, hours)
                    SELECT school_id, date_trunc('month', absence_date)::date, kind, count(DISTINCT pupil_id), count(*), sum(hours)
                      FROM absence_record
                     WHERE school_id = ANY (?) AND absence_date >= ? AND absence_date < ?
                     GROUP BY 1, 2, 3""", schools, from, until);
            Date yearFrom = Date.valueOf(firstYear.first());
            Date yearUntil = Date.valueOf(lastYear.last().plusDays(1));
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM monitoring_absence_year WHERE school_id = ANY (?) AND school_year BETWEEN ? AND ?")) {
                delete.setArray(1, connection.createArrayOf("bigint", schools));
                delete.setInt(2, firstYear.start());
                delete.setInt(3, lastYear.start());
                delete.executeUpdate();
            }
            run(connection, """
                    INSERT INTO monitoring_absence_year (school_id, school_year, class_year, kind, pupils)
                    SELECT r.school_id, extract(year FROM r.absence_date - interval '7 months')::int, p.school_year, r.kind,
                           count(DISTINCT r.pupil_id)
                      FROM absence_record r JOIN pupil p ON p.id = r.pupil_id
                     WHERE r.school_id = ANY (?) AND r.absence_date >= ? AND r.absence_date < ?
                     GROUP BY 1, 2, 3, 4""", schools, yearFrom, yearUntil);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not refresh the absence summaries", e);
        }
    }

    private static void run(Connection connection, String sql, Long[] schools, Date from, Date until) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("bigint", schools));
            statement.setDate(2, from);
            statement.setDate(3, until);
            statement.executeUpdate();
        }
    }
}
