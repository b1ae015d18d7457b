package nl.casustafel.duo;

import nl.casustafel.privacy.PupilFactsChanged;
import nl.casustafel.platform.InputRules;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.DuoReportKind;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.pupil.Pupil;
import nl.casustafel.pupil.Pupils;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records DUO reports (by the pupil's school) and closes them (by an attendance officer who sees
 * the pupil under the report). Recording changes what the sworn officer sees at once: the policy
 * reads the open reports on every decision.
 */
@Singleton
public class DuoReportService {

    private final DuoReportRepository reports;
    private final Pupils pupils;
    private final PupilReader reader;
    private final Clock clock;
    private final ApplicationEventPublisher<Object> events;

    public DuoReportService(DuoReportRepository reports, Pupils pupils, PupilReader reader, Clock clock,
                            ApplicationEventPublisher<Object> events) {
        this.reports = reports;
        this.pupils = pupils;
        this.reader = reader;
        this.clock = clock;
        this.events = events;
    }

    /** What a school fills in for a verzuimmelding. */
    public record NewReport(@Nullable DuoReportKind kind, @Nullable LocalDate reportedOn, @Nullable String duoReference) {
    }

    @Transactional
    public DuoReport record(Viewer viewer, long pupilId, NewReport input) {
        Pupil pupil = pupils.findById(pupilId).filter(p -> viewer.role() == Role.CARE_COORDINATOR && viewer.worksAt(p.schoolId()))
                .orElseThrow(() -> new InvalidInputException("pupilId", "Alleen de school van de leerling kan een DUO-melding vastleggen."));
        if (input.kind() == null) {
            throw new InvalidInputException("kind", "Kies het soort verzuim van de melding.");
        }
        if (input.reportedOn() == null) {
            throw new InvalidInputException("reportedOn", "Vul de datum van de melding in.");
        }
        if (input.reportedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("reportedOn", "De datum van de melding kan niet in de toekomst liggen.");
        }
        InputRules.requireDate("reportedOn", input.reportedOn(), LocalDate.now(clock), 0);
        String reference = input.duoReference() == null ? "" : InputRules.requireText("duoReference", input.duoReference().trim(), 40);
        if (reference.isEmpty() || reference.length() > 40) {
            throw new InvalidInputException("duoReference", "Vul het kenmerk van de melding bij DUO in (hooguit 40 tekens).");
        }
        DuoReport saved = reports.save(new DuoReport(null, pupil.id(), pupil.schoolId(), input.kind(), input.reportedOn(), reference,
                viewer.userId(), null, null, null, null));
        events.publishEvent(new DuoReportRecorded(pupil.id(), input.reportedOn()));
        events.publishEvent(new PupilFactsChanged(pupil.id()));
        return saved;
    }

    @Transactional
    public DuoReport close(Viewer viewer, long reportId, @Nullable String reason) {
        // Not there and not closable by this viewer get the same answer.
        DuoReport report = reports.findById(reportId)
                .filter(r -> viewer.role() == Role.ATTENDANCE_OFFICER && seesUnderThisReport(viewer, r))
                .orElseThrow(NotFoundException::new);
        if (!report.open()) {
            throw new InvalidInputException("reportId", "Deze DUO-melding is al gesloten.");
        }
        String note = reason == null ? null : InputRules.requireText("reason", reason.strip(), 500);
        if (note != null && note.length() > 500) {
            throw new InvalidInputException("reason", "De toelichting is te lang (hooguit 500 tekens).");
        }
        DuoReport closed = reports.update(new DuoReport(report.id(), report.pupilId(), report.schoolId(), report.kind(),
                report.reportedOn(), report.duoReference(), report.recordedBy(), report.recordedAt(),
                LocalDate.now(clock), viewer.userId(), note));
        events.publishEvent(new PupilFactsChanged(report.pupilId()));
        return closed;
    }

    /** The reports of a pupil, for a viewer who sees the pupil identified. */
    @Transactional(readOnly = true)
    public List<DuoReport> ofPupil(Viewer viewer, long pupilId) {
        boolean identified = reader.decision(viewer, pupilId).map(d -> d.disclosure() == Disclosure.IDENTIFIED).orElse(false);
        return identified ? reports.findByPupilIdOrderByReportedOnDesc(pupilId) : List.of();
    }

    /**
     * The date of the latest open report of each of the pupils that the viewer's own school made, for a
     * school's work list; pupils without one are left out. Other parties get nothing.
     */
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> openReportsOfOwnSchool(Viewer viewer, Collection<Long> pupilIds) {
        Map<Long, LocalDate> latest = new HashMap<>();
        if (!viewer.role().isSchoolStaff() || pupilIds.isEmpty()) {
            return latest;
        }
        for (DuoReport r : reports.findByPupilIdInAndClosedOnIsNull(pupilIds)) {
            if (viewer.worksAt(r.schoolId())) {
                latest.merge(r.pupilId(), r.reportedOn(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return latest;
    }

    private boolean seesUnderThisReport(Viewer viewer, DuoReport report) {
        return reader.decision(viewer, report.pupilId())
                .map(d -> d.identified() && d.basis().kind() == nl.casustafel.privacy.Basis.Kind.DUO_REPORT)
                .orElse(false);
    }
}
