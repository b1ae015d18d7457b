package nl.casustafel.meeting;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;

import java.time.Clock;
import java.time.Instant;

/** The live session the chair leads: opening it, moving every participant's screen to an item, closing it. */
@Singleton
public class MeetingSession {

    private final MeetingAccess access;
    private final MeetingRepositories.Meetings meetings;
    private final MeetingRepositories.AgendaItems items;
    private final ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed;
    private final Clock clock;

    MeetingSession(MeetingAccess access, MeetingRepositories.Meetings meetings, MeetingRepositories.AgendaItems items,
                   ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed, Clock clock) {
        this.access = access;
        this.meetings = meetings;
        this.items = items;
        this.changed = changed;
        this.clock = clock;
    }

    @Transactional
    public Meeting open(Viewer viewer, long meetingId) {
        Meeting meeting = access.meeting(meetingId);
        access.chairedBy(viewer, meeting.seriesId());
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
        Meeting meeting = access.meeting(meetingId);
        access.chairedBy(viewer, meeting.seriesId());
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
        Meeting meeting = access.meeting(meetingId);
        access.chairedBy(viewer, meeting.seriesId());
        if (meeting.status() != Meeting.Status.OPEN && meeting.status() != Meeting.Status.PLANNED) {
            throw new InvalidInputException("meetingId", "Dit overleg is al afgerond of afgelast.");
        }
        Meeting closed = meetings.update(meeting.with(Meeting.Status.CLOSED, null, meeting.openedAt(), Instant.now(clock)));
        changed.publishEvent(new MeetingEvents.MeetingChanged(meetingId));
        return closed;
    }
}
