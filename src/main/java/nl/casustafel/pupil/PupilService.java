package nl.casustafel.pupil;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilIdentities;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.privacy.Seats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds pupils for a viewer; what the viewer sees of each is decided by the privacy kernel. */
@Singleton
public class PupilService {

    private static final int LIST_LIMIT = 500;

    private final PupilIdentities identities;
    private final PupilReader reader;
    private final Seats seats;

    public PupilService(PupilIdentities identities, PupilReader reader, Seats seats) {
        this.identities = identities;
        this.reader = reader;
        this.seats = seats;
    }

    /** The pupils of the viewer's own schools, filtered by name and school year. */
    @Transactional
    public List<PupilView> listOwnSchools(Viewer viewer, PupilSearch search) {
        if (viewer.schoolIds().isEmpty()) {
            return List.of();
        }
        List<Long> ids = identities.ofSchoolsByName(viewer.schoolIds(), search.namePattern(), search.schoolYear(), LIST_LIMIT);
        return reader.read(viewer, ids, null, "leerlingenlijst");
    }

    /** One page of the pupil list: the pupils shown, from {@code offset}, and how many match in total. */
    public record PupilList(List<PupilView> pupils, long total, long offset) {
    }

    /**
     * One page of the pupils of the viewer's own schools, filtered by name and school year, with the total the
     * kernel tells ({@link PupilReader#ownSchoolsTotal}). Only the pupils on the page are read and logged.
     */
    @Transactional
    public PupilList pageOwnSchools(Viewer viewer, PupilSearch search, long offset, int limit) {
        if (viewer.schoolIds().isEmpty()) {
            return new PupilList(List.of(), 0, offset);
        }
        long total = reader.ownSchoolsTotal(viewer, search.namePattern(), search.schoolYear());
        if (offset >= total) {
            return new PupilList(List.of(), total, offset);
        }
        List<Long> ids = identities.ofSchoolsByName(viewer.schoolIds(), search.namePattern(), search.schoolYear(), limit, offset);
        return new PupilList(reader.read(viewer, ids, null, "leerlingenlijst"), total, offset);
    }

    /** How many pupils of the viewer's own schools match the filters (as the kernel tells it). */
    @Transactional
    public long totalOwnSchools(Viewer viewer, PupilSearch search) {
        return reader.ownSchoolsTotal(viewer, search.namePattern(), search.schoolYear());
    }

    /** Per table the viewer sits at, its case list, each pupil as the viewer may see it there. */
    @Transactional
    public List<PupilView> atMyTables(Viewer viewer) {
        List<PupilView> views = new ArrayList<>();
        seats.casesAtTablesOf(viewer).forEach((seriesId, pupilIds) -> views.addAll(reader.read(viewer, pupilIds, seriesId, "aan tafel")));
        return views;
    }

    /**
     * One pupil as the viewer may see it, by a reference from outside: its handle at a table, or its
     * number for a viewer who sees it by name (see {@link PupilReader#read(Viewer, String, Long, String)});
     * empty otherwise.
     */
    @Transactional
    public Optional<PupilView> find(Viewer viewer, String ref, @Nullable Long seriesId, String where) {
        return reader.read(viewer, ref, seriesId, where);
    }
}
