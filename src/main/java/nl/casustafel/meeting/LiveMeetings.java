package nl.casustafel.meeting;

import nl.casustafel.privacy.PupilFactsChanged;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;

/**
 * Tells open meeting screens that something they show has changed: the chair moved on, an item
 * got a note or action, or a fact that decides disclosure (DUO report, consent) was recorded. Each
 * screen then re-reads what it shows through the privacy kernel, at its own user's level; nothing
 * about a pupil travels through here, only ids. Fired after commit, so screens read committed data.
 */
@Singleton
public class LiveMeetings {

    /** A screen following a meeting: which meeting, which pupils it shows, and how to refresh it. */
    public record Follower(long meetingId, Supplier<Set<Long>> pupilIds, Runnable refresh) {
    }

    private final Set<Follower> followers = new CopyOnWriteArraySet<>();

    public Runnable follow(Follower follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    @TransactionalEventListener
    void onMeetingChanged(MeetingEvents.MeetingChanged event) {
        followers.stream().filter(f -> f.meetingId() == event.meetingId()).forEach(f -> f.refresh().run());
    }

    @TransactionalEventListener
    void onPupilFactsChanged(PupilFactsChanged event) {
        followers.stream().filter(f -> f.pupilIds().get().contains(event.pupilId())).forEach(f -> f.refresh().run());
    }

    int followerCount() {
        return followers.size();
    }
}
