package nl.casustafel.absence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.duo.DuoReportService;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A school's work list: its pupils with a signal, thresholds reached first, read through the privacy
 * kernel (which logs every read by name under the purpose given), filtered by the viewer's choices.
 */
@Singleton
public class SignalWorkList {

    /** The purpose under which the screen and the JSON list read the pupils. */
    public static final String READ = "verzuimsignalen";

    private final AbsenceSignals signals;
    private final PupilReader reader;
    private final DuoReportService duoReports;

    public SignalWorkList(AbsenceSignals signals, PupilReader reader, DuoReportService duoReports) {
        this.signals = signals;
        this.reader = reader;
        this.duoReports = duoReports;
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

        boolean accepts(Entry e) {
            return (kinds.isEmpty() || e.signals().signals().stream().anyMatch(s -> kinds.contains(s.type())))
                    && (schoolYear == null || schoolYear.equals(e.pupil().schoolYear()))
                    && (!withoutDuoReport || e.openDuoReport() == null);
        }
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
     * The filtered, sorted work list; {@code where} is the purpose the access log records for each pupil read by
     * name. A school the viewer does not work at gives an empty list, as a school without signals does.
     */
    @Transactional
    public List<Entry> of(Viewer viewer, LocalDate on, Filter filter, SignalSort.Order order, String where) {
        if (!viewer.role().isSchoolStaff() || filter.schoolId() != null && !viewer.worksAt(filter.schoolId())) {
            return List.of();
        }
        Set<Long> schools = filter.schoolId() == null ? viewer.schoolIds() : Set.of(filter.schoolId());
        List<PupilSignals> flagged = signals.forSchools(schools, on).stream().filter(s -> !s.signals().isEmpty()).toList();
        List<Long> ids = flagged.stream().map(PupilSignals::pupilId).toList();
        Map<Long, LocalDate> reported = duoReports.openReportsOfOwnSchool(viewer, ids);
        // only the rows left after filtering are read through the kernel (and so logged); the filter on the school
        // year needs the year, which the kernel gives, so those pupils are read first
        List<PupilSignals> candidates = flagged.stream()
                .filter(s -> filter.kinds().isEmpty() || s.signals().stream().anyMatch(x -> filter.kinds().contains(x.type())))
                .filter(s -> !filter.withoutDuoReport() || !reported.containsKey(s.pupilId()))
                .toList();
        Map<Long, PupilView> seen = reader.read(viewer, candidates.stream().map(PupilSignals::pupilId).toList(), null, where)
                .stream().collect(Collectors.toMap(PupilView::pupilId, Function.identity()));
        Comparator<Entry> comparator = order.comparator();
        return candidates.stream().filter(s -> seen.containsKey(s.pupilId()))
                .map(s -> {
                    PupilView pupil = seen.get(s.pupilId());
                    return new Entry(pupil, s, pupil.disclosure() == Disclosure.IDENTIFIED ? reported.get(s.pupilId()) : null);
                })
                .filter(filter::accepts)
                .sorted(comparator)
                .toList();
    }
}
