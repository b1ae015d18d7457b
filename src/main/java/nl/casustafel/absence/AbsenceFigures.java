package nl.casustafel.absence;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.casustafel.pupil.Pupil;

/**
 * The hand-entered absence figures, one row per pupil. Absence has no entity of its own; {@link Pupil} (the row's key)
 * is only the root type Micronaut Data needs.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AbsenceFigures extends GenericRepository<Pupil, Long> {

    /** Writes the pupil's figures, replacing earlier ones. */
    @Query("""
            INSERT INTO absence_figure (pupil_id, unauthorised_hours_4_weeks, sick_reports_12_weeks, late_arrivals, updated_by)
            VALUES (:pupilId, :unauthorisedHours4Weeks, :sickReports12Weeks, :lateArrivals, :updatedBy)
            ON CONFLICT (pupil_id) DO UPDATE SET unauthorised_hours_4_weeks = excluded.unauthorised_hours_4_weeks,
                sick_reports_12_weeks = excluded.sick_reports_12_weeks, late_arrivals = excluded.late_arrivals,
                updated_by = excluded.updated_by, updated_at = now()
            """)
    void put(long pupilId, double unauthorisedHours4Weeks, int sickReports12Weeks, int lateArrivals, long updatedBy);
}
