package nl.casustafel.absence;

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

    private final AbsenceFigures figures;
    private final Pupils pupils;

    public AbsenceFigureService(AbsenceFigures figures, Pupils pupils) {
        this.figures = figures;
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
        figures.put(pupilId, unauthorisedHours4Weeks, sickReports12Weeks, lateArrivals, viewer.userId());
    }
}
