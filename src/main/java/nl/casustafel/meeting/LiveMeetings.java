package nl.casustafel.meeting;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.casustafel.privacy.PupilFactsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Tells open meeting screens that something they show has changed: the chair moved on, an item
 * got a note or action, or a fact that decides disclosure (DUO report, consent) was recorded. Each
 * screen then re-reads what it shows through the privacy kernel, at its own user's level; nothing
 * about a pupil travels through here, only ids. Fired after commit, so screens read committed data.
 * <p>
 * The refreshes run on a small thread pool of their own, so the request that made the change (the
 * chair's move) returns at once and a slow or stuck screen delays no other. A screen with a refresh
 * still waiting is not queued twice: the refresh that runs reads the newest data anyway.
 */
@Singleton
public class LiveMeetings {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMeetings.class);
    private static final int THREADS = 4;

    /** A screen following a meeting: which meeting, which pupils it shows, and how to refresh it. */
    public record Follower(long meetingId, Supplier<Set<Long>> pupilIds, Runnable refresh) {
    }

    private final Set<Follower> followers = new CopyOnWriteArraySet<>();
    private final Set<Follower> pending = ConcurrentHashMap.newKeySet();
    private final ExecutorService fanOut = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().name("live-meetings-", 1).daemon().factory());

    public Runnable follow(Follower follower) {
        followers.add(follower);
        return () -> followers.remove(follower);
    }

    @TransactionalEventListener
    void onMeetingChanged(MeetingEvents.MeetingChanged event) {
        publish(f -> f.meetingId() == event.meetingId());
    }

    @TransactionalEventListener
    void onPupilFactsChanged(PupilFactsChanged event) {
        publish(f -> f.pupilIds().get().contains(event.pupilId()));
    }

    private void publish(Predicate<Follower> concerned) {
        followers.stream().filter(concerned).forEach(this::schedule);
    }

    private void schedule(Follower follower) {
        if (!pending.add(follower)) {
            return; // a refresh is already waiting; it will read the newest state
        }
        try {
            fanOut.execute(() -> {
                pending.remove(follower);
                if (!followers.contains(follower)) {
                    return; // the screen left while its refresh waited
                }
                try {
                    follower.refresh().run();
                } catch (RuntimeException e) {
                    LOG.warn("Refreshing a screen following meeting {} failed", follower.meetingId(), e);
                }
            });
        } catch (RejectedExecutionException e) {
            pending.remove(follower); // shutting down
        }
    }

    int followerCount() {
        return followers.size();
    }

    @PreDestroy
    void close() throws InterruptedException {
        fanOut.shutdownNow();
        fanOut.awaitTermination(5, TimeUnit.SECONDS);
    }

}
