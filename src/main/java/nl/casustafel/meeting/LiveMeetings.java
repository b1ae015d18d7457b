package nl.casustafel.meeting;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.casustafel.privacy.PupilFactsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Tells open meeting screens that something they show has changed: the chair moved on, an item
 * got a note or action, or a fact that decides disclosure (DUO report, consent) was recorded. Each
 * screen then re-reads what it shows through the privacy kernel, at its own user's level; nothing
 * about a pupil travels through here, only ids. Fired after commit, so screens read committed data.
 * <p>
 * The refreshes run on a small thread pool of their own, so the request that made the change (the
 * chair's move) returns at once and a slow or stuck screen delays no other. Each screen gets one
 * refresh at a time, and one more after changes that came in meanwhile.
 */
@Singleton
public class LiveMeetings {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMeetings.class);
    private static final int THREADS = 4;

    /** A screen following a meeting: which meeting, which pupils it shows, and how to refresh it. */
    public record Follower(long meetingId, Supplier<Set<Long>> pupilIds, Runnable refresh) {
    }

    private final Set<Follower> followers = new CopyOnWriteArraySet<>();
    private final Map<Follower, AtomicInteger> pending = new ConcurrentHashMap<>();
    private final ExecutorService fanOut = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().name("live-meetings-", 1).daemon().factory());

    public Runnable follow(Follower follower) {
        followers.add(follower);
        return () -> {
            followers.remove(follower);
            pending.remove(follower);
        };
    }

    @TransactionalEventListener
    void onMeetingChanged(MeetingEvents.MeetingChanged event) {
        publish(f -> f.meetingId() == event.meetingId());
    }

    @TransactionalEventListener
    void onCaseContentChanged(MeetingEvents.CaseContentChanged event) {
        publish(f -> f.pupilIds().get().contains(event.pupilId()));
    }

    @TransactionalEventListener
    void onPupilFactsChanged(PupilFactsChanged event) {
        publish(f -> f.pupilIds().get().contains(event.pupilId()));
    }

    /**
     * The followers of the meetings the test accepts re-read: the hook for changes heard from another instance
     * ({@link MeetingChangeRelay}), which arrive outside any transaction, so the listeners above would not fire.
     */
    void refresh(LongPredicate meetings) {
        publish(f -> meetings.test(f.meetingId()));
    }

    private void publish(Predicate<Follower> concerned) {
        followers.stream().filter(concerned).forEach(this::schedule);
    }

    /**
     * One refresh at a time per screen, so an older read never overtakes a newer one: changes that come
     * in while a refresh runs are counted and answered by one more refresh after it.
     */
    private void schedule(Follower follower) {
        AtomicInteger changes = pending.computeIfAbsent(follower, f -> new AtomicInteger());
        if (changes.getAndIncrement() > 0) {
            return; // a refresh is waiting or running; it will refresh again
        }
        try {
            fanOut.execute(() -> drain(follower, changes));
        } catch (RejectedExecutionException e) {
            changes.set(0); // shutting down
        }
    }

    private void drain(Follower follower, AtomicInteger changes) {
        int seen;
        do {
            seen = changes.get();
            if (!followers.contains(follower)) {
                pending.remove(follower, changes);
                return; // the screen left while its refresh waited
            }
            try {
                follower.refresh().run();
            } catch (RuntimeException e) {
                LOG.warn("Refreshing a screen following meeting {} failed", follower.meetingId(), e);
            }
        } while (changes.addAndGet(-seen) > 0);
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
