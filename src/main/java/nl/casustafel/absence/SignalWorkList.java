package nl.casustafel.absence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.duo.DuoReportService;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.OwnSchoolListing;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A school's work list: its pupils with a signal, thresholds reached first, read through the privacy
 * kernel (which logs every read by name under the purpose given), filtered by the viewer's choices.
 * <p>
 * Paged by what is read (issue 14): the list is filtered, counted and sorted on the signals, the open DUO reports and
 * the kernel's positions by name and school year ({@link OwnSchoolListing}), none of which is a read of a pupil; only
 * the pupils of the page asked for are then read through the kernel and logged. A school of 5,000 pupils with a signal
 * reads and logs a page, not 5,000.
 */
@Singleton
public class SignalWorkList {

    /** The purpose under which the screen and the JSON list read the pupils. */
    public static final String READ = "verzuimsignalen";

    private final AbsenceSignals signals;
    private final PupilReader reader;
    private final DuoReportService duoReports;
    private final OwnSchoolListing listingPositions;

    public SignalWorkList(AbsenceSignals signals, PupilReader reader, DuoReportService duoReports, OwnSchoolListing listingPositions) {
        this.signals = signals;
        this.reader = reader;
        this.duoReports = duoReports;
        this.listingPositions = listingPositions;
    }

    /**
     * A row: the pupil as the viewer may see it, the signals, and the date of the school's open DUO report
     * (only for a pupil the viewer sees by name; else null).
     */
    @Serdeable
    public record Entry(PupilView pupil, PupilSignals signals, @Nullable LocalDate openDuoReport) {

        public boolean identified() {
            return pupil.disclosure() == Disclosure.IDENTIFIED;
        }
    }

    /**
     * What the viewer narrows the list to: signal kinds (any of them; empty is all), the pupil's school year
     * (leerjaar), only pupils without an open DUO report, and one of the viewer's schools (null is all of them).
     */
    public record Filter(Set<Signal.Type> kinds, @Nullable Integer schoolYear, boolean withoutDuoReport, @Nullable Long schoolId) {

        public static final Filter ALL = new Filter(Set.of(), null, false, null);

        public Filter {
            kinds = Set.copyOf(kinds);
        }

    }

    /**
     * A pupil with a signal before it is read: its signals, the open DUO report of the viewer's school, and where the
     * privacy kernel places it by name and school year ({@link OwnSchoolListing}). Enough to filter, sort and page;
     * it never leaves the server.
     */
    record Candidate(PupilSignals signals, @Nullable LocalDate openDuoReport, int byName, int schoolYear) {

        long pupilId() {
            return signals.pupilId();
        }
    }

    /**
     * The filtered work list of one viewer on one day, not read yet: how many there are, and the pupils to read a
     * page of. A screen keeps it while it shows the list, and reads the pages it scrolls to.
     */
    public static final class Listing {
        private final Viewer viewer;
        private final List<Candidate> candidates;
        private final Map<SignalSort.Order, List<Candidate>> sorted = new java.util.concurrent.ConcurrentHashMap<>();

        private Listing(Viewer viewer, List<Candidate> candidates) {
            this.viewer = viewer;
            this.candidates = candidates;
        }

        /** How many pupils the list holds; the kernel would show each of them to this viewer by name. */
        public int size() {
            return candidates.size();
        }

        private List<Candidate> sortedBy(SignalSort.Order order) {
            return sorted.computeIfAbsent(order, o -> candidates.stream().sorted(o.comparator()).toList());
        }
    }

    /** One page of the work list and how many there are in all. */
    public record Page(List<Entry> entries, long total) {
    }

    /** Today, by the platform's clock: the default reference date. */
    public LocalDate today() {
        return signals.today();
    }

    @Transactional
    public List<Entry> of(Viewer viewer) {
        return of(viewer, signals.today());
    }

    /** The work list as of a reference date (peildatum): the windows of the thresholds end on that day. */
    @Transactional
    public List<Entry> of(Viewer viewer, LocalDate on) {
        return of(viewer, on, Filter.ALL, SignalSort.Order.URGENT_FIRST, READ);
    }

    /**
     * The whole filtered, sorted work list, every pupil read (the CSV export); {@code where} is the purpose the access
     * log records for each pupil read by name.
     */
    @Transactional
    public List<Entry> of(Viewer viewer, LocalDate on, Filter filter, SignalSort.Order order, String where) {
        return page(viewer, on, filter, order, 0, Integer.MAX_VALUE, where).entries();
    }

    /** One page of the filtered, sorted work list: only its pupils are read through the kernel (and so logged). */
    @Transactional
    public Page page(Viewer viewer, LocalDate on, Filter filter, SignalSort.Order order, long offset, int limit, String where) {
        Listing listing = listing(viewer, on, filter);
        return new Page(read(listing, order, offset, limit, where), listing.size());
    }

    /**
     * The work list filtered but not read: its signals, open DUO reports and the kernel's positions by name. A school
     * the viewer does not work at gives an empty list, as a school without signals does.
     */
    @Transactional(readOnly = true)
    public Listing listing(Viewer viewer, LocalDate on, Filter filter) {
        if (!viewer.role().isSchoolStaff() || filter.schoolId() != null && !viewer.worksAt(filter.schoolId())) {
            return new Listing(viewer, List.of());
        }
        Set<Long> schools = filter.schoolId() == null ? viewer.schoolIds() : Set.of(filter.schoolId());
        List<PupilSignals> flagged = signals.forSchools(schools, on).stream()
                .filter(s -> !s.signals().isEmpty())
                .filter(s -> filter.kinds().isEmpty() || s.signals().stream().anyMatch(x -> filter.kinds().contains(x.type())))
                .toList();
        List<Long> ids = flagged.stream().map(PupilSignals::pupilId).toList();
        Map<Long, LocalDate> reported = duoReports.openReportsOfOwnSchool(viewer, ids);
        Map<Long, OwnSchoolListing.Position> positions = listingPositions.of(viewer, ids);
        List<Candidate> candidates = flagged.stream()
                .filter(s -> positions.containsKey(s.pupilId()))
                .filter(s -> !filter.withoutDuoReport() || !reported.containsKey(s.pupilId()))
                .map(s -> new Candidate(s, reported.get(s.pupilId()), positions.get(s.pupilId()).byName(),
                        positions.get(s.pupilId()).schoolYear()))
                .filter(c -> filter.schoolYear() == null || filter.schoolYear() == c.schoolYear())
                .toList();
        return new Listing(viewer, candidates);
    }

    /**
     * The entries from {@code offset} on, at most {@code limit}, in the order asked: only these pupils are read through
     * the kernel, which logs each read by name under {@code where}.
     */
    @Transactional
    public List<Entry> read(Listing listing, SignalSort.Order order, long offset, int limit, String where) {
        List<Candidate> all = listing.sortedBy(order);
        if (offset >= all.size() || limit <= 0) {
            return List.of();
        }
        List<Candidate> slice = all.subList((int) offset, (int) Math.min(all.size(), offset + (long) limit));
        Map<Long, PupilView> seen = reader.read(listing.viewer, slice.stream().map(Candidate::pupilId).toList(), null, where)
                .stream().collect(Collectors.toMap(PupilView::pupilId, Function.identity()));
        return slice.stream().filter(c -> seen.containsKey(c.pupilId()))
                .map(c -> {
                    PupilView pupil = seen.get(c.pupilId());
                    return new Entry(pupil, c.signals(), pupil.disclosure() == Disclosure.IDENTIFIED ? c.openDuoReport() : null);
                })
                .toList();
    }
}
