package nl.casustafel.absence;

import java.time.LocalDate;
import java.util.Set;

/**
 * An absence import (file or pushed batch) stored its records: the schools it was for and the first and last
 * absence date among its rows. Published inside the import's transaction, so that what listens (the monitoring's
 * summary tables) changes with the records or not at all. Names no pupil.
 */
public record AbsenceImported(Set<Long> schoolIds, LocalDate first, LocalDate last) {

    public AbsenceImported {
        schoolIds = Set.copyOf(schoolIds);
    }
}
