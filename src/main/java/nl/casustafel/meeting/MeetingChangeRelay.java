package nl.casustafel.meeting;

import io.micronaut.context.annotation.Context;
import io.micronaut.runtime.event.annotation.EventListener;
import nl.casustafel.platform.ClusterBus;
import nl.casustafel.privacy.PupilFactsChanged;

/**
 * Carries live-meeting changes to the other instances on the same database, so that a follower on
 * instance B sees the chair's move on instance A. The message names only the meeting and the kind of
 * change ({@code meeting:42}), or for a changed pupil fact only the kind ({@code facts}): no pupil id,
 * nothing about a pupil. The receiving instance refreshes its own followers, which re-read through the
 * privacy kernel at their own viewer's level exactly as for a change made on that instance.
 * <p>
 * Sent inside the transaction that made the change (a synchronous listener), so PostgreSQL delivers it
 * only after commit. The sending instance ignores its own messages ({@link ClusterBus}): its followers
 * are refreshed in-process by {@link LiveMeetings} already, so nobody is refreshed twice.
 */
@Context
class MeetingChangeRelay implements ClusterBus.Subscriber {

    static final String CHANNEL = "casustafel_meeting";
    private static final String MEETING = "meeting:";
    private static final String FACTS = "facts";

    private final ClusterBus bus;
    private final LiveMeetings live;

    MeetingChangeRelay(ClusterBus bus, LiveMeetings live) {
        this.bus = bus;
        this.live = live;
        bus.subscribe(CHANNEL, this);
    }

    @EventListener
    void onMeetingChanged(MeetingEvents.MeetingChanged event) {
        bus.send(CHANNEL, MEETING + event.meetingId());
    }

    /** Which screens show the pupil is known only to each instance, so the others refresh all their followers. */
    @EventListener
    void onPupilFactsChanged(PupilFactsChanged event) {
        bus.send(CHANNEL, FACTS);
    }

    @Override
    public void received(String message) {
        if (message.startsWith(MEETING)) {
            try {
                long meetingId = Long.parseLong(message.substring(MEETING.length()));
                live.refresh(id -> id == meetingId);
                return;
            } catch (NumberFormatException e) {
                // not a message of this version: refreshing everyone is always right
            }
        }
        live.refresh(id -> true);
    }

    /** Changes made while this instance was cut off were not heard: every follower re-reads. */
    @Override
    public void reconnected() {
        live.refresh(id -> true);
    }
}
