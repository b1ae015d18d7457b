package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.Accounts;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.privacy.SeenAtTable;
import nl.casustafel.privacy.TablePupils;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
public class MeetingQueries implements LiveMeetings.SharedScreens {

    private final MeetingService service;
    private final MeetingActions actions;
    private final ItemFacts facts;
    private final MeetingSeriesRepository series;
    private final MeetingRepositories.Meetings meetings;
    private final Accounts users;
    private final PupilReader reader;
    private final AgendaContent content;
    private final MeetingReads reads;
    private final Clock clock;

    MeetingQueries(MeetingReads reads, MeetingService service, MeetingActions actions, ItemFacts facts, MeetingSeriesRepository series, MeetingRepositories.Meetings meetings,
                   Accounts users, PupilReader reader, AgendaContent content, Clock clock) {
        this.content = content;
        this.reads = reads;
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
        MeetingReads.Bundle bundle = reads.read(meetingId);
        requireParticipant(viewer, bundle);
        TablePupils pupils = reader.loadAtTable(bundle.pupilIds(), bundle.table().id());
        return screen(viewer, bundle, reader.readAt(viewer, pupils, where(bundle)), selectedItemId);
    }

    /**
     * The meeting screen of each of the viewers (live screens following the meeting): the meeting and its pupils are
     * read once for all of them, then the privacy kernel decides per viewer, and every read by name of every viewer
     * is logged in one batched insert. A viewer who no longer sits at the table gets no screen.
     */
    @Override
    @Transactional
    public Map<Viewer, MeetingScreen> screens(Collection<Viewer> viewers, long meetingId) {
        MeetingReads.Bundle bundle = reads.read(meetingId);
        List<Viewer> seated = viewers.stream().filter(v -> bundle.sitsAt(v.userId())).distinct().toList();
        Map<Viewer, MeetingScreen> screens = new LinkedHashMap<>();
        if (seated.isEmpty()) {
            return screens;
        }
        TablePupils pupils = reader.loadAtTable(bundle.pupilIds(), bundle.table().id());
        reader.readAt(seated, pupils, where(bundle)).forEach((viewer, seen) -> screens.put(viewer, screen(viewer, bundle, seen, null)));
        return screens;
    }

    private MeetingScreen screen(Viewer viewer, MeetingReads.Bundle bundle, SeenAtTable seen, @Nullable Long selectedItemId) {
        Meeting meeting = bundle.meeting();
        List<MeetingService.AgendaEntry> agenda = bundle.items().stream()
                .map(item -> new MeetingService.AgendaEntry(item, seen.view(item.pupilId()))).toList();
        boolean liveNow = meeting.status() == Meeting.Status.OPEN;
        Long at = liveNow && meeting.currentItemId() != null ? meeting.currentItemId()
                : selectedItemId != null ? selectedItemId : agenda.stream().map(a -> a.item().id()).findFirst().orElse(null);
        MeetingService.AgendaEntry current = agenda.stream().filter(a -> a.item().id().equals(at)).findFirst().orElse(null);
        AgendaContent.ItemContent itemContent = current == null || current.pupil() == null
                ? new AgendaContent.ItemContent(List.of(), null, null, null, List.of())
                : content.read(seen.reader(current.item().pupilId()), current.item(), bundle.notesOf(current.item().id()),
                bundle.outcomePartyOf(current.item().id()));
        List<MeetingAction> itemActions = current == null ? List.of()
                : bundle.agreedHere().stream().map(MeetingReads.ActionRow::action)
                .filter(a -> current.item().id().equals(a.itemId())).toList();
        java.util.Set<Long> readable = itemActions.stream().filter(a -> content.actionReadable(seen.reader(a.pupilId()), a))
                .map(MeetingAction::id).collect(Collectors.toSet());
        LocalDate today = LocalDate.now(clock);
        List<MeetingViews.Action> open = bundle.openAtTable().stream().map(r -> action(r, seen, today)).toList();
        ItemFacts.Facts pupilFacts = current == null || current.pupil() == null ? null
                : seen.facts(current.item().pupilId()).map(f -> facts.of(viewer, current.item(), f,
                        open.stream().filter(a -> a.pupil() != null && a.pupil().pupilId() == current.item().pupilId()).toList()))
                .orElse(null);
        return new MeetingScreen(meeting, bundle.table(), agenda, current, itemContent, itemActions, readable, open, pupilFacts);
    }

    private static void requireParticipant(Viewer viewer, MeetingReads.Bundle bundle) {
        if (!bundle.sitsAt(viewer.userId())) {
            throw new NotFoundException();
        }
    }

    /** The context each pupil's read is logged under: the meeting, or its actions for a pupil only an action is about. */
    private static java.util.function.Function<Long, String> where(MeetingReads.Bundle bundle) {
        java.util.Set<Long> onAgenda = bundle.items().stream().map(AgendaItem::pupilId).collect(Collectors.toSet());
        long meetingId = bundle.meeting().id();
        return pupilId -> onAgenda.contains(pupilId) ? "overleg " + meetingId : "overleg " + meetingId + ", afspraken";
    }

    private MeetingViews.Action action(MeetingReads.ActionRow row, SeenAtTable seen, LocalDate today) {
        MeetingAction a = row.action();
        return MeetingViews.Action.of(a, a.pupilId() == null ? null : seen.view(a.pupilId()), row.owner(),
                content.actionReadable(seen.reader(a.pupilId()), a), today);
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
        MeetingReads.Bundle bundle = reads.read(meetingId);
        requireParticipant(viewer, bundle);
        TablePupils pupils = reader.loadAtTable(bundle.pupilIds(), bundle.table().id());
        SeenAtTable seen = reader.readAt(viewer, pupils, where(bundle));
        Meeting meeting = bundle.meeting();
        MeetingSeries table = bundle.table();
        LocalDate today = LocalDate.now(clock);
        List<MeetingViews.AgendaEntry> agenda = bundle.items().stream().filter(item -> seen.view(item.pupilId()) != null)
                .map(item -> {
                    AgendaContent.ItemContent readable = content.read(seen.reader(item.pupilId()), item, bundle.notesOf(item.id()),
                            bundle.outcomePartyOf(item.id()));
                    return new MeetingViews.AgendaEntry(MeetingViews.Item.of(item, readable), seen.view(item.pupilId()), readable.withheld());
                }).toList();
        List<MeetingViews.Action> carriedOver = bundle.openAtTable().stream()
                .filter(r -> r.action().meetingId() != meetingId && r.agreedAt().isBefore(meeting.startsAt()))
                .map(r -> action(r, seen, today)).toList();
        return new MeetingViews.MeetingDetail(MeetingViews.MeetingSummary.of(meeting, table, viewer), agenda,
                bundle.agreedHere().stream().map(r -> action(r, seen, today)).toList(), carriedOver);
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
