package nl.casustafel.meeting;

import nl.casustafel.duo.DuoReportRecorded;
import nl.casustafel.platform.DutchDates;

import nl.casustafel.platform.InputRules;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.UserAccountRepository;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.WriterBasis;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.pupil.Pupil;
import nl.casustafel.pupil.PupilRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * Meetings of a table: planning, the agenda per meeting type, the live session the chair leads,
 * notes, agreed actions and their follow-up. Every pupil shown goes through the privacy kernel.
 */
@Singleton
public class MeetingService {

    private static final int NOTE_MAX = 2000;
    private static final int LOCATION_MAX = 300;
    private static final int MEETING_YEARS_AHEAD = MeetingController.MEETING_YEARS_AHEAD;
    private static final int ACTION_YEARS_AHEAD = MeetingController.ACTION_YEARS_AHEAD;

    private final MeetingSeriesRepository series;
    private final MeetingRepositories.Meetings meetings;
    private final MeetingRepositories.AgendaItems items;
    private final MeetingRepositories.Notes notes;
    private final MeetingRepositories.Actions actions;
    private final MeetingTables tables;
    private final PupilRepository pupils;
    private final UserAccountRepository users;
    private final PupilReader reader;
    private final CovenantRules covenant;
    private final ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed;
    private final SchoolDays schoolDays;
    private final AgendaContent content;
    private final Clock clock;

    MeetingService(MeetingSeriesRepository series, MeetingRepositories.Meetings meetings, MeetingRepositories.AgendaItems items,
                   MeetingRepositories.Notes notes, MeetingRepositories.Actions actions, MeetingTables tables,
                   PupilRepository pupils, UserAccountRepository users, PupilReader reader, CovenantRules covenant,
                   ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed, SchoolDays schoolDays, AgendaContent content,
                   Clock clock) {
        this.series = series;
        this.meetings = meetings;
        this.items = items;
        this.notes = notes;
        this.actions = actions;
        this.tables = tables;
        this.pupils = pupils;
        this.users = users;
        this.reader = reader;
        this.covenant = covenant;
        this.changed = changed;
        this.schoolDays = schoolDays;
        this.content = content;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- planning

    /** The meetings of the tables the viewer sits at (Mijn overleggen), earliest first. */
    @Transactional(readOnly = true)
    public List<Meeting> myMeetings(Viewer viewer) {
        return meetings.findForParticipant(viewer.userId());
    }

    @Transactional(readOnly = true)
    public MeetingSeries seriesOf(Meeting meeting) {
        return series.findById(meeting.seriesId()).orElseThrow();
    }

    @Transactional
    public Meeting plan(Viewer viewer, long seriesId, @Nullable Instant startsAt, @Nullable String location) {
        MeetingSeries table = chairedBy(viewer, seriesId);
        if (startsAt == null) {
            throw new InvalidInputException("startsAt", "Kies datum en tijd van het overleg.");
        }
        if (startsAt.isBefore(Instant.now(clock).minus(1, ChronoUnit.DAYS))) {
            throw new InvalidInputException("startsAt", "Een nieuw overleg kan niet in het verleden liggen.");
        }
        requireMeetingTime(startsAt);
        InputRules.requireText("location", location, LOCATION_MAX);
        return meetings.save(new Meeting(null, table.id(), startsAt, blankToNull(location, table.location()),
                Meeting.Status.PLANNED, null, null, null));
    }

    /** Plans the next meeting at the table's cadence after the last one. */
    @Transactional
    public Meeting planNext(Viewer viewer, long seriesId) {
        MeetingSeries table = chairedBy(viewer, seriesId);
        int weeks = table.everyWeeks() == null ? covenant.meeting(table.type()).everyWeeks().getFirst() : table.everyWeeks();
        Instant after = meetings.findBySeriesIdOrderByStartsAt(seriesId).stream()
                .filter(m -> m.status() != Meeting.Status.CANCELLED).map(Meeting::startsAt).reduce((a, b) -> b)
                .orElse(Instant.now(clock).truncatedTo(ChronoUnit.HOURS));
        Instant next = after.plus(weeks * 7L, ChronoUnit.DAYS);
        while (next.isBefore(Instant.now(clock))) {
            next = next.plus(weeks * 7L, ChronoUnit.DAYS); // after a long gap, the first date at the cadence still ahead
        }
        return plan(viewer, seriesId, next, table.location());
    }

    @Transactional
    public Meeting move(Viewer viewer, long meetingId, @Nullable Instant startsAt) {
        Meeting meeting = plannedMeetingChairedBy(viewer, meetingId);
        if (startsAt == null) {
            throw new InvalidInputException("startsAt", "Kies de nieuwe datum en tijd.");
        }
        if (startsAt.isBefore(Instant.now(clock).minus(1, ChronoUnit.DAYS))) {
            throw new InvalidInputException("startsAt", "Een overleg kan niet naar het verleden worden verzet.");
        }
        requireMeetingTime(startsAt);
        return meetings.update(new Meeting(meeting.id(), meeting.seriesId(), startsAt, meeting.location(), meeting.status(),
                null, null, null));
    }

    @Transactional
    public Meeting cancel(Viewer viewer, long meetingId) {
        Meeting meeting = plannedMeetingChairedBy(viewer, meetingId);
        return meetings.update(meeting.with(Meeting.Status.CANCELLED, null, null, null));
    }

    // ---------------------------------------------------------------- agenda

    /** What is filled in to put a pupil on the agenda; which fields count depends on the meeting type. */
    public record Registration(long pupilId, @Nullable String hulpvraag, @Nullable String reason,
                               @Nullable Boolean consentGiven, @Nullable Boolean reportedToDuo,
                               @Nullable Boolean parentsKnowCjgAsks, @Nullable String parentsInformedBy) {

        public static Registration of(long pupilId) {
            return new Registration(pupilId, null, null, null, null, null, null);
        }
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

    /** The item, and warnings the registrant must see (e.g. no consent recorded for this hulpvraag). */
    public record Registered(AgendaItem item, List<String> warnings) {
    }

    @Transactional
    public Registered register(Viewer viewer, long meetingId, Registration r) {
        Meeting meeting = meeting(meetingId);
        MeetingSeries table = series.findById(meeting.seriesId()).orElseThrow();
        if (meeting.status() == Meeting.Status.CLOSED || meeting.status() == Meeting.Status.CANCELLED) {
            throw new InvalidInputException("meetingId", "Dit overleg is gesloten of afgelast; zet de leerling op een volgend overleg.");
        }
        if (table.type() != MeetingType.THUISZITTERSTAFEL) {
            requireParticipant(viewer, table); // the thuiszitterstafel takes registrations from school, leerplicht and CJG
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
            case VERZUIMOVERLEG -> verzuimoverleg(viewer, table, pupil);
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

    private List<String> verzuimoverleg(Viewer viewer, MeetingSeries table, Pupil pupil) {
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

    /** The agenda as the viewer may see it: each item with its pupil at the viewer's disclosure level. */
    @Transactional
    public List<AgendaEntry> agenda(Viewer viewer, long meetingId) {
        Meeting meeting = meeting(meetingId);
        MeetingSeries table = series.findById(meeting.seriesId()).orElseThrow();
        requireParticipant(viewer, table);
        List<AgendaItem> agenda = items.findByMeetingIdOrderByPosition(meetingId);
        List<PupilView> seen = reader.read(viewer, agenda.stream().map(AgendaItem::pupilId).toList(), table.id(), "overleg " + meetingId);
        return agenda.stream().map(item -> new AgendaEntry(item,
                seen.stream().filter(p -> p.pupilId() == item.pupilId()).findFirst().orElse(null))).toList();
    }

    /** The pupils on a meeting's agenda, by id only (no disclosure needed to leave them out of a choice). */
    @Transactional(readOnly = true)
    public List<Long> pupilsOnAgenda(long meetingId) {
        return items.findByMeetingIdOrderByPosition(meetingId).stream().map(AgendaItem::pupilId).toList();
    }

    /** An agenda item and its pupil as the viewer sees it (null when the viewer may not see the pupil at all). */
    public record AgendaEntry(AgendaItem item, @Nullable PupilView pupil) {
    }

    /** Pupils of the table's school with absence below the reporting threshold: candidates for the verzuimoverleg. */
    @Transactional
    public List<Candidate> candidates(Viewer viewer, long seriesId) {
        MeetingSeries table = series.findById(seriesId).orElseThrow();
        if (table.type() != MeetingType.VERZUIMOVERLEG || !viewer.worksAt(table.schoolId())) {
            return List.of();
        }
        List<MeetingTables.Figures> figures = tables.belowThreshold(table.schoolId());
        List<PupilView> seen = reader.read(viewer, figures.stream().map(MeetingTables.Figures::pupilId).toList(), null, "kandidatenlijst");
        return figures.stream().flatMap(f -> seen.stream().filter(p -> p.pupilId() == f.pupilId()).map(p -> new Candidate(p, f))).toList();
    }

    public record Candidate(PupilView pupil, MeetingTables.Figures figures) {
    }

    // ---------------------------------------------------------------- live

    @Transactional
    public Meeting open(Viewer viewer, long meetingId) {
        Meeting meeting = meeting(meetingId);
        chairedBy(viewer, meeting.seriesId());
        if (meeting.status() != Meeting.Status.PLANNED && meeting.status() != Meeting.Status.OPEN) {
            throw new InvalidInputException("meetingId", "Dit overleg is gesloten of afgelast.");
        }
        Long first = items.findByMeetingIdOrderByPosition(meetingId).stream().map(AgendaItem::id).findFirst().orElse(null);
        Meeting opened = meetings.update(meeting.with(Meeting.Status.OPEN,
                meeting.currentItemId() != null ? meeting.currentItemId() : first,
                meeting.openedAt() != null ? meeting.openedAt() : Instant.now(clock), null));
        changed.publishEvent(new MeetingEvents.MeetingChanged(meetingId));
        return opened;
    }

    /** The chair moves the meeting to an agenda item; every participant's screen follows. */
    @Transactional
    public Meeting moveTo(Viewer viewer, long meetingId, long itemId) {
        Meeting meeting = meeting(meetingId);
        chairedBy(viewer, meeting.seriesId());
        if (meeting.status() != Meeting.Status.OPEN) {
            throw new InvalidInputException("meetingId", "Open het overleg eerst.");
        }
        AgendaItem item = items.findById(itemId).filter(i -> i.meetingId() == meetingId)
                .orElseThrow(() -> new InvalidInputException("itemId", "Dit punt staat niet op de agenda van dit overleg."));
        Meeting moved = meetings.update(meeting.with(Meeting.Status.OPEN, item.id(), meeting.openedAt(), null));
        changed.publishEvent(new MeetingEvents.MeetingChanged(meetingId));
        return moved;
    }

    @Transactional
    public Meeting close(Viewer viewer, long meetingId) {
        Meeting meeting = meeting(meetingId);
        chairedBy(viewer, meeting.seriesId());
        if (meeting.status() != Meeting.Status.OPEN && meeting.status() != Meeting.Status.PLANNED) {
            throw new InvalidInputException("meetingId", "Dit overleg is al afgerond of afgelast.");
        }
        Meeting closed = meetings.update(meeting.with(Meeting.Status.CLOSED, null, meeting.openedAt(), Instant.now(clock)));
        changed.publishEvent(new MeetingEvents.MeetingChanged(meetingId));
        return closed;
    }

    @Transactional(readOnly = true)
    public Meeting meeting(long meetingId) {
        return meetings.findById(meetingId).orElseThrow(() -> new InvalidInputException("meetingId", "Dit overleg bestaat niet."));
    }

    // ---------------------------------------------------------------- notes, outcome, actions

    @Transactional
    public AgendaNote addNote(Viewer viewer, long itemId, @Nullable String text) {
        return addNote(viewer, itemId, text, null);
    }

    /** A note in a data category the writer picks ({@code null}: the default for the writer's party); provenance recorded. */
    @Transactional
    public AgendaNote addNote(Viewer viewer, long itemId, @Nullable String text, @Nullable String category) {
        AgendaItem item = item(itemId);
        requireActive(item);
        seenAtItem(viewer, item);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > NOTE_MAX) {
            throw new InvalidInputException("text", "Schrijf een notitie van hooguit " + NOTE_MAX + " tekens.");
        }
        InputRules.requireText("text", body, NOTE_MAX);
        ContentProvenance by = content.provenanceOfWriting(content.viewerAt(viewer, item, meeting(item.meetingId()).seriesId()), category);
        AgendaNote note = notes.save(new AgendaNote(null, itemId, viewer.userId(), viewer.partyId(), by.writtenUnder(), body, null,
                by.category(), by.writerBasis(), by.basisId()));
        changed.publishEvent(new MeetingEvents.MeetingChanged(item.meetingId()));
        return note;
    }

    /** The notes the viewer may read, as {@link AgendaContent} decides through the privacy kernel. */
    @Transactional
    public List<NoteView> notes(Viewer viewer, long itemId) {
        return content(viewer, itemId).notes();
    }

    /** The item's content the viewer may read (notes, outcome, registration) and what is withheld; participants only. */
    @Transactional
    public AgendaContent.ItemContent content(Viewer viewer, long itemId) {
        AgendaItem item = item(itemId);
        seenAtItem(viewer, item);
        return content.read(viewer, item, meeting(item.meetingId()).seriesId());
    }

    /** The note categories the viewer may choose on this item, and the one preselected for them. */
    @Transactional(readOnly = true)
    public AgendaContent.NoteCategories noteCategories(Viewer viewer, long itemId) {
        AgendaItem item = item(itemId);
        return content.noteCategories(viewer, item, meeting(item.meetingId()).seriesId());
    }

    /** Whether the viewer may read the action's text (privacy kernel). */
    @Transactional(readOnly = true)
    public boolean readable(Viewer viewer, MeetingAction action) {
        return content.actionReadable(viewer, action);
    }

    public record NoteView(AgendaNote note, String author, String party) {
    }

    /** Saves outcome and case manager if nobody else saved in between; else tells the user to reload, keeping their text. */
    @Transactional
    public AgendaItem updateOutcome(Viewer viewer, long itemId, int expectedVersion, @Nullable String outcome,
                                    @Nullable Long caseManagerId) {
        AgendaItem item = item(itemId);
        PupilView pupil = seenAtItem(viewer, item);
        if (pupil.disclosure() != Disclosure.IDENTIFIED) {
            throw new InvalidInputException("outcome", "De uitkomst legt een deelnemer vast die de leerling herkenbaar ziet.");
        }
        if (item.version() != expectedVersion) {
            throw new InvalidInputException("outcome", "Iemand anders heeft de uitkomst intussen aangepast. Uw tekst staat nog in het veld; "
                    + "bekijk de nieuwe versie en sla opnieuw op.");
        }
        String text = InputRules.requireText("outcome", blankToNull(outcome, null), 2000);
        if (text != null && text.length() > 2000) {
            throw new InvalidInputException("outcome", "De uitkomst is te lang (hooguit 2000 tekens).");
        }
        if (caseManagerId != null && !tables.sitsAt(seriesOf(meeting(item.meetingId())).id(), caseManagerId)) {
            throw new InvalidInputException("caseManagerId", "Kies als casusregisseur of procesbewaker een deelnemer aan dit overleg.");
        }
        ContentProvenance by = content.provenanceOfOutcome(content.viewerAt(viewer, item, meeting(item.meetingId()).seriesId()));
        try {
            AgendaItem saved = items.update(item.withOutcome(text, caseManagerId, by));
            changed.publishEvent(new MeetingEvents.MeetingChanged(item.meetingId()));
            return saved;
        } catch (OptimisticLockException e) {
            throw new InvalidInputException("outcome", "Iemand anders heeft de uitkomst intussen aangepast. Bekijk de nieuwe versie en sla opnieuw op.");
        }
    }

    /** The latest due date of a DUO report agreed today: the covenant's school days on, holidays not counted. */
    public LocalDate duoReportDueOn() {
        return schoolDays.plus(LocalDate.now(clock), duoReportSchoolDays());
    }

    /** Within how many school days the school reports to DUO after the verzuimoverleg agreed it (covenant file). */
    public int duoReportSchoolDays() {
        return covenant.meeting(MeetingType.VERZUIMOVERLEG).duoReportWithinSchoolDays();
    }

    @Transactional
    public MeetingAction addAction(Viewer viewer, long itemId, @Nullable String what, @Nullable Long ownerId,
                                   @Nullable LocalDate dueOn, MeetingAction.Kind kind) {
        AgendaItem item = item(itemId);
        requireActive(item);
        Meeting meeting = meeting(item.meetingId());
        MeetingSeries table = seriesOf(meeting);
        seenAtItem(viewer, item);
        String text = InputRules.requireText("what", blankToNull(what, null), 500);
        if (text == null || text.length() > 500) {
            throw new InvalidInputException("what", "Beschrijf de afspraak in hooguit 500 tekens.");
        }
        if (ownerId == null || !tables.sitsAt(table.id(), ownerId)) {
            throw new InvalidInputException("ownerId", "Kies wie de afspraak uitvoert: een deelnemer aan dit overleg.");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = InputRules.requireDate("dueOn", dueOn, today, ACTION_YEARS_AHEAD);
        if (kind == MeetingAction.Kind.DUO_REPORT) {
            if (table.type() != MeetingType.VERZUIMOVERLEG) {
                throw new InvalidInputException("kind", "De afspraak 'DUO-melding binnen " + duoReportSchoolDays() + " schooldagen' hoort bij het verzuimoverleg.");
            }
            boolean schoolOwner = users.findById(ownerId).map(u -> u.role() == Role.CARE_COORDINATOR).orElse(false);
            if (!schoolOwner) {
                throw new InvalidInputException("ownerId", "De DUO-melding doet de school: kies de zorgcoördinator.");
            }
            LocalDate latest = schoolDays.plus(today, duoReportSchoolDays());
            if (due != null && due.isAfter(latest)) {
                throw new InvalidInputException("dueOn", "De DUO-melding volgt binnen " + duoReportSchoolDays() + " schooldagen: uiterlijk "
                        + DutchDates.DATE.format(latest) + ".");
            }
            due = due == null ? latest : due;
        }
        if (due == null || due.isBefore(today)) {
            throw new InvalidInputException("dueOn", "Kies een datum vanaf vandaag waarop de afspraak klaar moet zijn.");
        }
        ContentProvenance by = content.provenanceOfAction(content.viewerAt(viewer, item, table.id()));
        MeetingAction action = actions.save(new MeetingAction(null, table.id(), meeting.id(), item.id(), item.pupilId(), kind, text,
                ownerId, due, null, viewer.userId(), null, by.providerPartyId(), by.writerBasis(), by.basisId(), by.category()));
        changed.publishEvent(new MeetingEvents.MeetingChanged(meeting.id()));
        return action;
    }

    @Transactional
    public MeetingAction complete(Viewer viewer, long actionId) {
        MeetingAction action = actions.findById(actionId)
                .orElseThrow(() -> new InvalidInputException("actionId", "Deze afspraak bestaat niet."));
        if (action.ownerId() != viewer.userId()) {
            throw new InvalidInputException("actionId", "Alleen wie de afspraak uitvoert, meldt haar af.");
        }
        if (action.kind() == MeetingAction.Kind.DUO_REPORT) {
            throw new InvalidInputException("actionId", "Deze afspraak is klaar zodra de DUO-melding is vastgelegd.");
        }
        if (!action.open()) {
            throw new InvalidInputException("actionId", "Deze afspraak is al afgerond.");
        }
        MeetingAction done = actions.update(action.doneOn(LocalDate.now(clock)));
        changed.publishEvent(new MeetingEvents.MeetingChanged(action.meetingId()));
        return done;
    }

    /** A recorded DUO report fulfils the "DUO report within 3 school days" agreements for that pupil. */
    @EventListener
    @Transactional
    void duoReportRecorded(DuoReportRecorded event) {
        for (MeetingAction action : actions.findByPupilIdAndKindAndDoneOnIsNull(event.pupilId(), MeetingAction.Kind.DUO_REPORT)) {
            actions.update(action.doneOn(event.reportedOn()));
            changed.publishEvent(new MeetingEvents.MeetingChanged(action.meetingId()));
        }
    }

    /** The viewer's open actions (home screen), earliest due first. */
    @Transactional(readOnly = true)
    public List<MeetingAction> openActionsOf(Viewer viewer) {
        return actions.findByOwnerIdAndDoneOnIsNullOrderByDueOn(viewer.userId());
    }

    /** Open actions of the table: they come back on every next meeting's agenda until done. */
    @Transactional(readOnly = true)
    public List<MeetingAction> openActionsAt(Viewer viewer, long seriesId) {
        requireParticipant(viewer, series.findById(seriesId).orElseThrow());
        return actions.findBySeriesIdAndDoneOnIsNullOrderByDueOn(seriesId);
    }

    @Transactional(readOnly = true)
    public List<MeetingAction> actionsOfMeeting(long meetingId) {
        return actions.findByMeetingIdOrderById(meetingId);
    }

    @Transactional(readOnly = true)
    public List<UserAccount> participants(long seriesId) {
        return tables.participants(seriesId).stream().map(id -> users.findById(id).orElseThrow()).toList();
    }

    // ---------------------------------------------------------------- rules

    /** Notes, outcome and actions are written while a meeting is planned or held, not after. */
    private void requireActive(AgendaItem item) {
        Meeting.Status status = meeting(item.meetingId()).status();
        if (status == Meeting.Status.CLOSED || status == Meeting.Status.CANCELLED) {
            throw new InvalidInputException("itemId", "Dit overleg is afgerond of afgelast; leg het vast bij een volgend overleg.");
        }
    }

    private PupilView seenAtItem(Viewer viewer, AgendaItem item) {
        Meeting meeting = meeting(item.meetingId());
        MeetingSeries table = seriesOf(meeting);
        requireParticipant(viewer, table);
        return reader.read(viewer, item.pupilId(), table.id(), "overleg " + meeting.id())
                .orElseThrow(() -> new InvalidInputException("itemId", "U kunt bij dit punt niets vastleggen."));
    }

    private AgendaItem item(long itemId) {
        return items.findById(itemId).orElseThrow(() -> new InvalidInputException("itemId", "Dit agendapunt bestaat niet."));
    }

    private MeetingSeries chairedBy(Viewer viewer, long seriesId) {
        MeetingSeries table = series.findById(seriesId)
                .orElseThrow(() -> new InvalidInputException("seriesId", "Dit overleg bestaat niet."));
        if (table.chairId() == null || table.chairId() != viewer.userId()) {
            throw new InvalidInputException("seriesId", "Alleen de voorzitter van dit overleg kan dit doen.");
        }
        return table;
    }

    private Meeting plannedMeetingChairedBy(Viewer viewer, long meetingId) {
        Meeting meeting = meeting(meetingId);
        chairedBy(viewer, meeting.seriesId());
        if (meeting.status() != Meeting.Status.PLANNED) {
            throw new InvalidInputException("meetingId", "Alleen een gepland overleg kan worden verzet of afgelast.");
        }
        return meeting;
    }

    private void requireParticipant(Viewer viewer, MeetingSeries table) {
        if (!tables.sitsAt(table.id(), viewer.userId())) {
            throw new InvalidInputException("meetingId", "U neemt niet deel aan dit overleg.");
        }
    }

    /** A meeting is planned at most a few years ahead; beyond that the moment is a typing error (or worse). */
    private void requireMeetingTime(Instant startsAt) {
        InputRules.requireDate("startsAt", LocalDate.ofInstant(startsAt, clock.getZone()), LocalDate.now(clock), MEETING_YEARS_AHEAD);
    }

    private static String blankToNull(@Nullable String value, @Nullable String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
