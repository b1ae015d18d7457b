package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.Accounts;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.util.List;

/**
 * A meeting as its participants read it: the meetings of one's tables, the agenda with each pupil at the
 * viewer's level, an item's content as {@link AgendaContent} decides through the privacy kernel, the
 * actions agreed and who sits at the table. Writing is done by {@link MeetingPlanning},
 * {@link MeetingSession}, {@link AgendaRegistration}, {@link AgendaNotes} and {@link MeetingActions}.
 */
@Singleton
public class MeetingService {

    private final MeetingAccess access;
    private final MeetingRepositories.Meetings meetings;
    private final MeetingRepositories.AgendaItems items;
    private final MeetingRepositories.Actions actions;
    private final MeetingTables tables;
    private final Accounts users;
    private final PupilReader reader;
    private final AgendaContent content;

    MeetingService(MeetingAccess access, MeetingRepositories.Meetings meetings, MeetingRepositories.AgendaItems items,
                   MeetingRepositories.Actions actions, MeetingTables tables, Accounts users, PupilReader reader,
                   AgendaContent content) {
        this.access = access;
        this.meetings = meetings;
        this.items = items;
        this.actions = actions;
        this.tables = tables;
        this.users = users;
        this.reader = reader;
        this.content = content;
    }

    /** An agenda item and its pupil as the viewer sees it (null when the viewer may not see the pupil at all). */
    public record AgendaEntry(AgendaItem item, @Nullable PupilView pupil) {
    }

    /** The meetings of the tables the viewer sits at (Mijn overleggen), earliest first. */
    @Transactional(readOnly = true)
    public List<Meeting> myMeetings(Viewer viewer) {
        return meetings.findForParticipant(viewer.userId());
    }

    @Transactional(readOnly = true)
    public Meeting meeting(long meetingId) {
        return access.meeting(meetingId);
    }

    @Transactional(readOnly = true)
    public MeetingSeries seriesOf(Meeting meeting) {
        return access.seriesOf(meeting);
    }

    /** The agenda as the viewer may see it: each item with its pupil at the viewer's disclosure level. */
    @Transactional
    public List<AgendaEntry> agenda(Viewer viewer, long meetingId) {
        Meeting meeting = access.meeting(meetingId);
        MeetingSeries table = access.seriesOf(meeting);
        access.requireParticipant(viewer, table);
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

    /** The notes the viewer may read, as {@link AgendaContent} decides through the privacy kernel. */
    @Transactional
    public List<AgendaContent.NoteView> notes(Viewer viewer, long itemId) {
        return content(viewer, itemId).notes();
    }

    /** The item's content the viewer may read (notes, outcome, registration) and what is withheld; participants only. */
    @Transactional
    public AgendaContent.ItemContent content(Viewer viewer, long itemId) {
        AgendaItem item = access.item(itemId);
        access.seenAtItem(viewer, item);
        return content.read(viewer, item, access.meeting(item.meetingId()).seriesId());
    }

    /** The note categories the viewer may choose on this item, and the one preselected for them. */
    @Transactional(readOnly = true)
    public AgendaContent.NoteCategories noteCategories(Viewer viewer, long itemId) {
        AgendaItem item = access.item(itemId);
        return content.noteCategories(viewer, item, access.meeting(item.meetingId()).seriesId());
    }

    /** Whether the viewer may read the action's text (privacy kernel). */
    @Transactional(readOnly = true)
    public boolean readable(Viewer viewer, MeetingAction action) {
        return content.actionReadable(viewer, action);
    }

    @Transactional(readOnly = true)
    public List<MeetingAction> actionsOfMeeting(long meetingId) {
        return actions.findByMeetingIdOrderById(meetingId);
    }

    @Transactional(readOnly = true)
    public List<UserAccount> participants(long seriesId) {
        return tables.participants(seriesId).stream().map(id -> users.findById(id).orElseThrow()).toList();
    }
}
