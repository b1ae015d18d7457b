package nl.casustafel.absence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.pupil.Pupils;

/**
 * Absence figures per pupil, entered by the pupil's school by hand until the absence import lands:
 * unauthorised hours in the last 4 weeks, sick reports in the last 12 weeks, late arrivals.
 */
@Singleton
public class AbsenceFigureService {

    private final JdbcOperations jdbc;
    private final Pupils pupils;

    public AbsenceFigureService(JdbcOperations jdbc, Pupils pupils) {
        this.jdbc = jdbc;
        this.pupils = pupils;
    }

    @Transactional
    public void record(Viewer viewer, long pupilId, double unauthorisedHours4Weeks, int sickReports12Weeks, int lateArrivals) {
        boolean ownPupil = pupils.findById(pupilId).map(p -> viewer.role().isSchoolStaff() && viewer.worksAt(p.schoolId())).orElse(false);
        if (!ownPupil) {
            throw new InvalidInputException("pupilId", "Alleen de school van de leerling vult verzuimcijfers in.");
        }
        if (unauthorisedHours4Weeks < 0 || unauthorisedHours4Weeks > 200) {
            throw new InvalidInputException("unauthorisedHours4Weeks", "Vul het aantal uren ongeoorloofd verzuim in (0 tot 200).");
        }
        if (sickReports12Weeks < 0 || lateArrivals < 0) {
            throw new InvalidInputException("sickReports12Weeks", "Aantallen kunnen niet negatief zijn.");
        }
        jdbc.prepareStatement("""
                INSERT INTO absence_figure (pupil_id, unauthorised_hours_4_weeks, sick_reports_12_weeks, late_arrivals, updated_by)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (pupil_id) DO UPDATE SET unauthorised_hours_4_weeks = excluded.unauthorised_hours_4_weeks,
                    sick_reports_12_weeks = excluded.sick_reports_12_weeks, late_arrivals = excluded.late_arrivals,
                    updated_by = excluded.updated_by, updated_at = now()
                """, statement -> {
            statement.setLong(1, pupilId);
            statement.setDouble(2, unauthorisedHours4Weeks);
            statement.setInt(3, sickReports12Weeks);
            statement.setInt(4, lateArrivals);
            statement.setLong(5, viewer.userId());
            return statement.executeUpdate();
        });
    }
}
