package nl.casustafel.meeting;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.platform.InputRules;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.privacy.WriterBasis;
import nl.casustafel.pupil.Pupil;
import nl.casustafel.pupil.Pupils;

import java.util.List;
import java.util.Set;

import static nl.casustafel.meeting.MeetingAccess.blankToNull;

/**
 * Putting a pupil on a meeting's agenda, with what each meeting type asks: the verzuimoverleg takes the
 * school's own pupils (and offers the candidates below the reporting threshold), the SOT a hulpvraag
 * (warning when consent for it is missing), the thuiszitterstafel a written registration.
 */
@Singleton
public class AgendaRegistration {

    private final MeetingAccess access;
    private final MeetingSeriesRepository series;
    private final MeetingRepositories.AgendaItems items;
    private final MeetingTables tables;
    private final Pupils pupils;
    private final PupilReader reader;
    private final CovenantRules covenant;
    private final ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed;

    AgendaRegistration(MeetingAccess access, MeetingSeriesRepository series, MeetingRepositories.AgendaItems items,
                       MeetingTables tables, Pupils pupils, PupilReader reader, CovenantRules covenant,
                       ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed) {
        this.access = access;
        this.series = series;
        this.items = items;
        this.tables = tables;
        this.pupils = pupils;
        this.reader = reader;
        this.covenant = covenant;
        this.changed = changed;
    }

    /** What is filled in to put a pupil on the agenda; which fields count depends on the meeting type. */
    public record Registration(long pupilId, @Nullable String hulpvraag, @Nullable String reason,
                               @Nullable Boolean consentGiven, @Nullable Boolean reportedToDuo,
                               @Nullable Boolean parentsKnowCjgAsks, @Nullable String parentsInformedBy) {

        public static Registration of(long pupilId) {
            return new Registration(pupilId, null, null, null, null, null, null);
        }
    }

    /** The item, and warnings the registrant must see (e.g. no consent recorded for this hulpvraag). */
    public record Registered(AgendaItem item, List<String> warnings) {
    }

    /** A pupil of the table's school with absence below the reporting threshold, and its figures. */
    public record Candidate(PupilView pupil, MeetingTables.Figures figures) {
    }

    /**
     * Who puts pupils on the agenda: the school's care coordinator for its verzuimoverleg and SOT;
     * for the thuiszitterstafel the kernteam or school, leerplicht, the youth doctor or the SWV.
     */
    public static boolean mayRegister(Viewer viewer, MeetingType type) {
        return switch (type) {
            case VERZUIMOVERLEG, SOT -> viewer.role() == Role.CARE_COORDINATOR;
            case THUISZITTERSTAFEL -> Set.of(Role.CARE_COORDINATOR, Role.SUPPORT_EXPERT, Role.ATTENDANCE_OFFICER,
                    Role.YOUTH_DOCTOR, Role.PARTNERSHIP_COORDINATOR).contains(viewer.role());
        };
    }

    @Transactional
    public Registered register(Viewer viewer, long meetingId, Registration r) {
        Meeting meeting = access.meeting(meetingId);
        MeetingSeries table = access.seriesOf(meeting);
        if (table.type() != MeetingType.THUISZITTERSTAFEL) {
            access.requireParticipant(viewer, table); // the thuiszitterstafel takes registrations from school, leerplicht and CJG
        }
        if (meeting.status() == Meeting.Status.CLOSED || meeting.status() == Meeting.Status.CANCELLED) {
            throw new InvalidInputException("meetingId", "Dit overleg is gesloten of afgelast; zet de leerling op een volgend overleg.");
        }
        Pupil pupil = pupils.findById(r.pupilId()).orElseThrow(() -> new InvalidInputException("pupilId", "Onbekende leerling."));
        boolean identified = reader.decision(viewer, pupil.id()).map(d -> d.identified()).orElse(false);
        if (!identified) {
            throw new InvalidInputException("pupilId", "U kunt alleen een leerling aanmelden die u herkenbaar mag zien.");
        }
        if (!mayRegister(viewer, table.type())) {
            throw new InvalidInputException("pupilId", table.type() == MeetingType.THUISZITTERSTAFEL
                    ? "Aanmelden voor de thuiszitterstafel doen kernteam of school, leerplicht of de jeugdarts."
                    : "Leerlingen voor dit overleg meldt de zorgcoördinator van de school aan.");
        }
        InputRules.requireText("hulpvraag", r.hulpvraag(), 500);
        InputRules.requireText("reason", r.reason(), 64);
        InputRules.requireText("parentsInformedBy", r.parentsInformedBy(), 200);
        if (items.existsByMeetingIdAndPupilId(meetingId, pupil.id())) {
            throw new InvalidInputException("pupilId", "Deze leerling staat al op de agenda.");
        }
        List<String> warnings = switch (table.type()) {
            case VERZUIMOVERLEG -> verzuimoverleg(table, pupil);
            case SOT -> sot(table, pupil, r);
            case THUISZITTERSTAFEL -> thuiszitterstafel(r);
        };
        series.addCase(table.id(), pupil.id(), r.reason(), blankToNull(r.hulpvraag(), null), viewer.userId());
        ContentViewer registrant = reader.contentViewer(viewer, pupil.id(), table.id());
        AgendaItem item = items.save(new AgendaItem(null, meetingId, pupil.id(), items.nextPosition(meetingId),
                blankToNull(r.hulpvraag(), null), r.reason(), r.consentGiven(), r.reportedToDuo(), r.parentsKnowCjgAsks(),
                blankToNull(r.parentsInformedBy(), null), viewer.userId(), null, null, null, 0,
                viewer.partyId(), WriterBasis.of(registrant), registrant.basis().id(), null, null, null, null, null));
        changed.publishEvent(new MeetingEvents.MeetingChanged(meetingId));
        return new Registered(item, warnings);
    }

    /** Pupils of the table's school with absence below the reporting threshold: candidates for the verzuimoverleg. */
    @Transactional
    public List<Candidate> candidates(Viewer viewer, long seriesId) {
        MeetingSeries table = access.series(seriesId);
        if (table.type() != MeetingType.VERZUIMOVERLEG || !viewer.worksAt(table.schoolId())) {
            return List.of();
        }
        List<MeetingTables.Figures> figures = tables.belowThreshold(table.schoolId());
        List<PupilView> seen = reader.read(viewer, figures.stream().map(MeetingTables.Figures::pupilId).toList(), null, "kandidatenlijst");
        return figures.stream().flatMap(f -> seen.stream().filter(p -> p.pupilId() == f.pupilId()).map(p -> new Candidate(p, f))).toList();
    }

    private List<String> verzuimoverleg(MeetingSeries table, Pupil pupil) {
        if (!pupil.schoolId().equals(table.schoolId())) {
            throw new InvalidInputException("pupilId", "Op het verzuimoverleg zet de zorgcoördinator leerlingen van de eigen school.");
        }
        return List.of();
    }

    private List<String> sot(MeetingSeries table, Pupil pupil, Registration r) {
        if (!pupil.schoolId().equals(table.schoolId())) {
            throw new InvalidInputException("pupilId", "Het SOT bespreekt leerlingen van de eigen school.");
        }
        String hulpvraag = blankToNull(r.hulpvraag(), null);
        if (hulpvraag == null) {
            throw new InvalidInputException("hulpvraag", "Beschrijf de hulpvraag van de leerling.");
        }
        List<String> missing = tables.partiesWithoutConsent(table.id(), pupil.id(), MeetingType.SOT, hulpvraag);
        return missing.isEmpty() ? List.of()
                : List.of("Er is nog geen toestemming voor deze hulpvraag voor: " + String.join(", ", missing)
                + ". Zij zien de leerling onder een schuilnaam tot de toestemming is vastgelegd.");
    }

    private List<String> thuiszitterstafel(Registration r) {
        if (r.reason() == null || covenant.reason(r.reason()).isEmpty()) {
            throw new InvalidInputException("reason", "Kies de reden van aanmelding uit de tabel van het convenant.");
        }
        if (r.consentGiven() == null || r.reportedToDuo() == null || r.parentsKnowCjgAsks() == null) {
            throw new InvalidInputException("checks", "Beantwoord de drie vragen: toestemming, DUO-melding, en weten ouders dat het CJG om toestemming vraagt.");
        }
        if (blankToNull(r.parentsInformedBy(), null) == null) {
            throw new InvalidInputException("parentsInformedBy", "Vul in wie de ouders heeft geïnformeerd over de bespreking.");
        }
        return List.of();
    }
}
