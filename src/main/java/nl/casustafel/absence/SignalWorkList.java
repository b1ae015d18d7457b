package nl.casustafel.absence;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.util.Comparator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A school's work list: its pupils with a signal, thresholds reached first, read through the privacy kernel. */
@Singleton
public class SignalWorkList {

    private final AbsenceSignals signals;
    private final PupilReader reader;

    public SignalWorkList(AbsenceSignals signals, PupilReader reader) {
        this.signals = signals;
        this.reader = reader;
    }

    @Serdeable
    public record Entry(PupilView pupil, PupilSignals signals) {
    }

    @Transactional
    public List<Entry> of(Viewer viewer) {
        return of(viewer, signals.today());
    }

    /** The work list as of a reference date (peildatum): the windows of the thresholds end on that day. */
    @Transactional
    public List<Entry> of(Viewer viewer, LocalDate on) {
        if (!viewer.role().isSchoolStaff()) {
            return List.of();
        }
        List<PupilSignals> flagged = signals.forSchools(viewer.schoolIds(), on).stream().filter(s -> !s.signals().isEmpty())
                .sorted(Comparator.comparing((PupilSignals s) -> !s.thresholdReached())
                        .thenComparing(Comparator.comparingDouble(PupilSignals::unauthorisedHours4Weeks).reversed()))
                .toList();
        Map<Long, PupilView> seen = reader.read(viewer, flagged.stream().map(PupilSignals::pupilId).toList(), null, "verzuimsignalen")
                .stream().collect(Collectors.toMap(PupilView::pupilId, Function.identity()));
        return flagged.stream().filter(s -> seen.containsKey(s.pupilId())).map(s -> new Entry(seen.get(s.pupilId()), s)).toList();
    }
}
