package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.pupil.PupilSearch;
import nl.casustafel.pupil.PupilService;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Whom the registration dialog offers, a page at a time and filtered by name on the server: first the pupils
 * known up front (the verzuimoverleg's candidates below the reporting threshold; for a user not at a school the
 * pupils seen by name at their tables), then, for school staff, the pupils of their own schools through the
 * paged pupil list ({@link PupilService#pageOwnSchools}), so that only the pupils of the page shown are read
 * through the privacy kernel and logged, not the whole school. Left out: who is on this agenda already, the
 * pupils known up front (offered once) and, at a table of one school, the pupils of the user's other schools.
 */
final class RegistrablePupils {

    /** How many pupils the dropdown asks for at a time (the combo box's own default). */
    static final int PAGE_SIZE = 50;

    private final PupilService pupils;
    private final Viewer viewer;
    private final @Nullable Long schoolId;
    private final boolean ownSchools;
    private final List<PupilView> upFront;
    private final Set<Long> excluded = new HashSet<>();
    /**
     * Per filter, where in the school list a fetch may resume: position among the pupils offered from the school
     * list, to the offset in the paged pupil list; so that the next page of the dropdown reads on from there.
     */
    private final Map<String, TreeMap<Long, Long>> resume = new HashMap<>();

    /**
     * @param upFront  the pupils offered first, in this order, already read (and logged) by whoever found them
     * @param onAgenda the pupils already on this agenda, never offered
     * @param schoolId the table's school, or null for a table of several schools
     */
    RegistrablePupils(PupilService pupils, Viewer viewer, @Nullable Long schoolId, List<PupilView> upFront, Set<Long> onAgenda) {
        this.pupils = pupils;
        this.viewer = viewer;
        this.schoolId = schoolId;
        this.ownSchools = viewer.role().isSchoolStaff();
        this.excluded.addAll(onAgenda);
        this.upFront = upFront.stream().filter(p -> !onAgenda.contains(p.pupilId())).toList();
        this.upFront.forEach(p -> excluded.add(p.pupilId()));
    }

    /** The pupils from {@code offset} on, at most {@code limit}, whose name contains the filter (ignoring case). */
    List<PupilView> fetch(@Nullable String filter, long offset, int limit) {
        String name = normalised(filter);
        List<PupilView> page = new ArrayList<>();
        List<PupilView> first = upFront.stream().filter(p -> name.isEmpty() || p.label().toLowerCase(Locale.ROOT).contains(name)).toList();
        for (long i = offset; i < first.size() && page.size() < limit; i++) {
            page.add(first.get((int) i));
        }
        if (ownSchools && page.size() < limit) {
            page.addAll(fromOwnSchools(name, Math.max(0, offset - first.size()), limit - page.size()));
        }
        return page;
    }

    /** Whether nobody at all can be registered here; reads at most one pupil of the school list to tell. */
    boolean nobody() {
        if (!upFront.isEmpty()) {
            return false;
        }
        if (!ownSchools) {
            return true;
        }
        long total = pupils.totalOwnSchools(viewer, PupilSearch.all());
        if (total == 0) {
            return true;
        }
        boolean allOfTheTablesSchool = schoolId == null || Set.of(schoolId).containsAll(viewer.schoolIds());
        if (allOfTheTablesSchool && total > excluded.size()) {
            return false; // more pupils than are left out: someone is offered, no need to read anyone
        }
        return fetch(null, 0, 1).isEmpty();
    }

    /**
     * {@code limit} pupils offered from the school list from {@code position} on. Reads the paged pupil list on
     * from the nearest place a previous fetch ended, asking each time only as many as still wanted; pupils left
     * out cost a read each, the others are all shown.
     */
    private List<PupilView> fromOwnSchools(String name, long position, int limit) {
        TreeMap<Long, Long> known = resume.computeIfAbsent(name, n -> new TreeMap<>(Map.of(0L, 0L)));
        Map.Entry<Long, Long> from = known.floorEntry(position);
        long at = from.getKey(), offset = from.getValue();
        long skip = position - at;
        PupilSearch search = new PupilSearch(name.isEmpty() ? null : name, null);
        List<PupilView> found = new ArrayList<>();
        while (found.size() < limit) {
            int wanted = (int) Math.min(Integer.MAX_VALUE, skip + limit - found.size());
            PupilService.PupilList list = pupils.pageOwnSchools(viewer, search, offset, wanted);
            long asked = Math.min(wanted, list.total() - offset);
            if (asked <= 0) {
                break;
            }
            offset += asked;
            for (PupilView pupil : list.pupils()) {
                if (excluded.contains(pupil.pupilId()) || (schoolId != null && !schoolId.equals(pupil.schoolId()))) {
                    continue;
                }
                at++;
                if (skip > 0) {
                    skip--;
                } else {
                    found.add(pupil);
                }
            }
            known.put(at, offset);
        }
        return found;
    }

    private static String normalised(@Nullable String filter) {
        return filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
    }
}
