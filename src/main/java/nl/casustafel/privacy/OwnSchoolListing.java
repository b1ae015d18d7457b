package nl.casustafel.privacy;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a pupil of the viewer's own schools stands in a list sorted by name (Dutch collation, as the screens sort a
 * name column), and its school year: enough to filter, sort and page a long list of them (the signal work list)
 * before any pupil is read, so that only the page shown is read through {@link PupilReader} and logged (issue 14).
 * <p>
 * The kernel shows school staff every pupil of their own schools by name ({@link DisclosurePolicy}: why.ownSchool),
 * so a position and a school year tell them nothing they could not see; anyone else, and pupils of other schools,
 * get nothing. No name leaves this class, and nothing is logged: no pupil is read.
 */
@Singleton
public class OwnSchoolListing {

    private final PupilIdentities identities;

    OwnSchoolListing(PupilIdentities identities) {
        this.identities = identities;
    }

    /** A pupil's position in its own schools' list by name (equal names share one), and its school year (leerjaar). */
    public record Position(int byName, int schoolYear) {
    }

    /** The positions of those of these pupils that are enrolled at one of the viewer's schools; none for non-school staff. */
    @Transactional(readOnly = true)
    public Map<Long, Position> of(Viewer viewer, Collection<Long> pupilIds) {
        if (!viewer.role().isSchoolStaff() || viewer.schoolIds().isEmpty() || pupilIds.isEmpty()) {
            return Map.of();
        }
        List<PupilIdentities.Labelled> labelled = new ArrayList<>(identities.labelledOfSchools(viewer.schoolIds(), pupilIds));
        Collator dutch = Collator.getInstance(Locale.of("nl", "NL"));
        labelled.sort(Comparator.comparing(PupilIdentities.Labelled::label, dutch));
        Map<Long, Position> positions = new HashMap<>(labelled.size() * 2);
        int rank = 0;
        for (int i = 0; i < labelled.size(); i++) {
            if (i > 0 && dutch.compare(labelled.get(i - 1).label(), labelled.get(i).label()) != 0) {
                rank = i;
            }
            positions.put(labelled.get(i).pupilId(), new Position(rank, labelled.get(i).schoolYear()));
        }
        return positions;
    }
}
