package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.Accounts;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The read side of the meetings API, composed from {@link MeetingService}: a meeting with its
 * agenda and follow-up, the caller's meetings and actions, and the answers to the commands. Every
 * pupil comes through the {@link PupilReader}, at the table of the meeting concerned.
 */
@Singleton
public class MeetingQueries {

    private final MeetingService service;
    private final MeetingActions actions;
    private final ItemFacts facts;
    private final MeetingSeriesRepository series;
    private final MeetingRepositories.Meetings meetings;
    private final Accounts users;
    private final PupilReader reader;
    private final AgendaContent content;
    private final Clock clock;

    MeetingQueries(MeetingService service, MeetingActions actions, ItemFacts facts, MeetingSeriesRepository series, MeetingRepositories.Meetings meetings,
                   Accounts users, PupilReader reader, AgendaContent content, Clock clock) {
        this.content = content;
        this.service = service;
        this.actions = actions;
        this.facts = facts;
        this.series = series;
        this.meetings = meetings;
        this.users = users;
        this.reader = reader;
        this.clock = clock;
    }

    /**
     * What the meeting screen shows, in one transaction: the access log then holds one row per pupil the user
     * sees by name, although the agenda, the current item's notes and the open actions each read the pupil.
     * The screen is at the item the chair moved to while the meeting is live, else at {@code selectedItemId},
     * else at the first item.
     */
    @Transactional
    public MeetingScreen screen(Viewer viewer, long meetingId, @Nullable Long selectedItemId) {
        Meeting meeting = service.meeting(meetingId);
        MeetingSeries table = service.seriesOf(meeting);
        List<MeetingService.AgendaEntry> agenda = service.agenda(viewer, meetingId);
        boolean liveNow = meeting.status() == Meeting.Status.OPEN;
        Long at = liveNow && meeting.currentItemId() != null ? meeting.currentItemId()
                : selectedItemId != null ? selectedItemId : agenda.stream().map(a -> a.item().id()).findFirst().orElse(null);
        MeetingService.AgendaEntry current = agenda.stream().filter(a -> a.item().id().equals(at)).findFirst().orElse(null);
        AgendaContent.ItemContent content = current == null || current.pupil() == null
                ? new AgendaContent.ItemContent(List.of(), null, null, null, List.of())
                : service.content(viewer, current.item().id());
        List<MeetingAction> itemActions = current == null ? List.of()
                : service.actionsOfMeeting(meetingId).stream().filter(a -> current.item().id().equals(a.itemId())).toList();
        java.util.Set<Long> readable = itemActions.stream().filter(a -> service.readable(viewer, a)).map(MeetingAction::id)
                .collect(java.util.stream.Collectors.toSet());
        List<MeetingViews.Action> open = actions.openActionsAt(viewer, table.id()).stream().map(a -> action(viewer, a)).toList();
        ItemFacts.Facts pupilFacts = current == null || current.pupil() == null ? null
                : facts.of(viewer, meeting, current.item()).orElse(null);
        return new MeetingScreen(meeting, table, agenda, current, content, itemActions, readable, open, pupilFacts);
    }

    /** The meetings of the tables the caller sits at, earliest first. */
    @Transactional(readOnly = true)
    public List<MeetingViews.MeetingSummary> mine(Viewer viewer) {
        Map<Long, MeetingSeries> tables = new HashMap<>();
        return service.myMeetings(viewer).stream()
                .map(m -> MeetingViews.MeetingSummary.of(m,
                        tables.computeIfAbsent(m.seriesId(), id -> series.findById(id).orElseThrow()), viewer))
                .toList();
    }

    @Transactional(readOnly = true)
    public MeetingViews.MeetingSummary summary(Viewer viewer, Meeting meeting) {
        return MeetingViews.MeetingSummary.of(meeting, service.seriesOf(meeting), viewer);
    }

    /**
     * A meeting as a participant sees it: the agenda (refused for others by the service), the actions
     * agreed in this meeting, and the open actions of the table agreed in earlier meetings.
     */
    @Transactional
    public MeetingViews.MeetingDetail detail(Viewer viewer, long meetingId) {
        Meeting meeting = service.meeting(meetingId);
        MeetingSeries table = service.seriesOf(meeting);
        List<MeetingService.AgendaEntry> agenda = service.agenda(viewer, meetingId);
        Map<Long, Instant> startOf = meetings.findBySeriesIdOrderByStartsAt(table.id()).stream()
                .collect(Collectors.toMap(Meeting::id, Meeting::startsAt));
        List<MeetingAction> agreedHere = service.actionsOfMeeting(meetingId);
        List<MeetingAction> carriedOver = actions.openActionsAt(viewer, table.id()).stream()
                .filter(a -> a.meetingId() != meetingId)
                .filter(a -> startOf.getOrDefault(a.meetingId(), Instant.MAX).isBefore(meeting.startsAt()))
                .toList();

        Map<Long, PupilView> pupils = new HashMap<>();
        agenda.stream().filter(e -> e.pupil() != null).forEach(e -> pupils.put(e.item().pupilId(), e.pupil()));
        List<Long> more = new ArrayList<>();
        for (MeetingAction a : concat(agreedHere, carriedOver)) {
            if (a.pupilId() != null && !pupils.containsKey(a.pupilId()) && !more.contains(a.pupilId())) {
                more.add(a.pupilId());
            }
        }
        if (!more.isEmpty()) {
            reader.read(viewer, more, table.id(), "overleg " + meetingId + ", afspraken").forEach(p -> pupils.put(p.pupilId(), p));
        }

        Owners owners = new Owners();
        LocalDate today = LocalDate.now(clock);
        return new MeetingViews.MeetingDetail(MeetingViews.MeetingSummary.of(meeting, table, viewer),
                agenda.stream().filter(e -> e.pupil() != null).map(e -> entry(viewer, e.item(), e.pupil(), table.id())).toList(),
                agreedHere.stream().map(a -> action(a, pupils.get(a.pupilId()), owners, viewer, today)).toList(),
                carriedOver.stream().map(a -> action(a, pupils.get(a.pupilId()), owners, viewer, today)).toList());
    }

    /** The answer to a registration: the item with its pupil as the registrant sees it, and the warnings. */
    @Transactional
    public MeetingViews.Registered registered(Viewer viewer, AgendaRegistration.Registered registered) {
        MeetingViews.AgendaEntry entry = entry(viewer, registered.item());
        return new MeetingViews.Registered(entry.item(), entry.pupil(), registered.warnings());
    }

    /** One agenda item with its pupil as the caller sees it at the meeting's table. */
    @Transactional
    public MeetingViews.AgendaEntry entry(Viewer viewer, AgendaItem item) {
        Meeting meeting = service.meeting(item.meetingId());
        PupilView pupil = reader.read(viewer, item.pupilId(), meeting.seriesId(), "overleg " + meeting.id()).orElse(null);
        return entry(viewer, item, pupil, meeting.seriesId());
    }

    private MeetingViews.AgendaEntry entry(Viewer viewer, AgendaItem item, @Nullable PupilView pupil, long seriesId) {
        AgendaContent.ItemContent readable = content.read(viewer, item, seriesId);
        return new MeetingViews.AgendaEntry(MeetingViews.Item.of(item, readable), pupil, readable.withheld());
    }

    /**
     * The notes of an agenda item the caller may read. Runs in a read-write transaction: reading the
     * pupil by name writes the access log, which a read-only transaction would refuse.
     */
    @Transactional
    public List<MeetingViews.Note> notes(Viewer viewer, long itemId) {
        return service.notes(viewer, itemId).stream().map(MeetingViews.Note::of).toList();
    }

    public MeetingViews.Note note(Viewer viewer, AgendaNote note) {
        return new MeetingViews.Note(note.id(), note.itemId(), note.text(), note.writtenUnder(), viewer.displayName(),
                viewer.partyName(), note.createdAt(), note.category(), note.writerBasis());
    }

    /** The caller's open actions, earliest due first, each pupil as the caller sees it at that table. */
    @Transactional
    public List<MeetingViews.Action> myOpenActions(Viewer viewer) {
        List<MeetingAction> open = actions.openActionsOf(viewer);
        Map<TablePupil, PupilView> pupils = new HashMap<>();
        Map<Long, List<Long>> pupilsPerTable = new LinkedHashMap<>();
        open.stream().filter(a -> a.pupilId() != null)
                .forEach(a -> pupilsPerTable.computeIfAbsent(a.seriesId(), s -> new ArrayList<>()).add(a.pupilId()));
        pupilsPerTable.forEach((table, ids) -> reader.read(viewer, ids.stream().distinct().toList(), table, "mijn afspraken")
                .forEach(p -> pupils.put(new TablePupil(table, p.pupilId()), p)));
        Owners owners = new Owners();
        LocalDate today = LocalDate.now(clock);
        return open.stream()
                .map(a -> action(a, a.pupilId() == null ? null : pupils.get(new TablePupil(a.seriesId(), a.pupilId())), owners, viewer, today))
                .toList();
    }

    /** One action with its pupil as the caller sees it at the action's table. */
    @Transactional
    public MeetingViews.Action action(Viewer viewer, MeetingAction action) {
        PupilView pupil = action.pupilId() == null ? null
                : reader.read(viewer, action.pupilId(), action.seriesId(), "overleg " + action.meetingId() + ", afspraken").orElse(null);
        return action(action, pupil, new Owners(), viewer, LocalDate.now(clock));
    }

    private MeetingViews.Action action(MeetingAction action, @Nullable PupilView pupil, Owners owners, Viewer viewer, LocalDate today) {
        return MeetingViews.Action.of(action, pupil, owners.name(action.ownerId()), content.actionReadable(viewer, action), today);
    }

    /** A pupil is seen per table: the alias and the disclosure may differ between tables. */
    private record TablePupil(long seriesId, long pupilId) {
    }

    private static List<MeetingAction> concat(List<MeetingAction> a, List<MeetingAction> b) {
        List<MeetingAction> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Display names of action owners, looked up once per request. */
    private final class Owners {
        private final Map<Long, String> names = new HashMap<>();

        String name(long userId) {
            return names.computeIfAbsent(userId, id -> users.findById(id).map(UserAccount::displayName).orElse("?"));
        }
    }
}
