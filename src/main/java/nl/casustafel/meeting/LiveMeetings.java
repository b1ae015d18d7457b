package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilFactsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Tells open meeting screens that something they show has changed: the chair moved on, an item
 * got a note or action, or a fact that decides disclosure (DUO report, consent) was recorded. Each
 * screen then re-reads what it shows through the privacy kernel, at its own user's level; nothing
 * about a pupil travels through here, only ids. Fired after commit, so screens read committed data.
 * <p>
 * The refreshes run on a small thread pool of their own, so the request that made the change (the
 * chair's move) returns at once and a slow or stuck screen delays no other. Each screen gets one
 * refresh at a time, and one more after changes that came in meanwhile.
 * <p>
 * The screens of one meeting share one read per change (a {@link Round}): the meeting and its pupils are read once
 * for all the viewers following it, and the privacy kernel decides for each viewer separately
 * ({@link MeetingQueries#screens}), so the database work of a change does not grow with the number of followers.
 * <p>
 * A screen whose page no longer shows (closed, or no heartbeat for a while, but not detached yet) is neither read for
 * nor refreshed: the shared read logs every viewer it discloses a pupil to by name (NEN 7513), so it reads only for
 * the viewers of pages that still show. Such a screen is let go, as if it had left.
 */
@Singleton
public class LiveMeetings {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMeetings.class);
    private static final int THREADS = 4;

    /**
     * A screen following a meeting: which meeting, which pupils it shows, as which viewer (none: it reads on its
     * own), whether its page still shows (a page that was closed or stopped sending heartbeats does not), and how to
     * refresh it, given the change's {@link Round}.
     */
    public record Follower(long meetingId, Supplier<Set<Long>> pupilIds, @Nullable Viewer viewer, BooleanSupplier shows,
                           Consumer<Round> refresh) {

        /** A follower whose page always shows. */
        public Follower(long meetingId, Supplier<Set<Long>> pupilIds, @Nullable Viewer viewer, Consumer<Round> refresh) {
            this(meetingId, pupilIds, viewer, () -> true, refresh);
        }

        /** A follower that reads on its own. */
        public Follower(long meetingId, Supplier<Set<Long>> pupilIds, Runnable refresh) {
            this(meetingId, pupilIds, null, round -> refresh.run());
        }

        /** Whether its page still shows; a page that cannot tell is taken as gone, so nobody is read for it. */
        boolean stillShows() {
            try {
                return shows.getAsBoolean();
            } catch (RuntimeException e) {
                LOG.warn("Could not tell whether a screen following meeting {} still shows", meetingId, e);
                return false;
            }
        }
    }

    /** Reads the meeting screens of several viewers at once (the meeting feature's {@link MeetingQueries}). */
    @FunctionalInterface
    public interface SharedScreens {
        Map<Viewer, MeetingScreen> screens(Collection<Viewer> viewers, long meetingId);
    }

    /**
     * One change of one meeting as its followers see it: the screens of all its followers' viewers, read once, by the
     * first follower that asks, after the change was committed. Only the viewers of followers whose page still shows
     * at that moment are read for (and so logged). Each screen is that viewer's own, decided by the kernel for that
     * viewer; a viewer who no longer sits at the table has none (the follower then reads on its own, and learns it
     * may no longer see the meeting).
     */
    public static final class Round {
        private final long meetingId;
        private final Supplier<Set<Viewer>> viewers;
        private final SharedScreens reader;
        private Map<Viewer, MeetingScreen> screens;
        private final Map<List<Object>, CompletableFuture<Object>> perViewer = new ConcurrentHashMap<>();

        /** {@code viewers} is asked once, at the read, so a page that closed since the change is left out. */
        Round(long meetingId, Supplier<Set<Viewer>> viewers, SharedScreens reader) {
            this.meetingId = meetingId;
            this.viewers = viewers;
            this.reader = reader;
        }

        public synchronized Optional<MeetingScreen> screenOf(Viewer viewer) {
            if (screens == null) {
                try {
                    Set<Viewer> readFor = viewers.get();
                    screens = readFor.isEmpty() ? Map.of() : reader.screens(readFor, meetingId);
                } catch (RuntimeException e) {
                    LOG.warn("Reading meeting {} for its followers failed; each reads on its own", meetingId, e);
                    screens = Map.of();
                }
            }
            return Optional.ofNullable(screens.get(viewer));
        }

        /**
         * What the screens of one viewer read beside the screen (the plan panel of the current item), read once per
         * change for all that viewer's screens (tabs): the first screen reads, the others wait for it. Never shared
         * between viewers, so each gets what the kernel decided for that viewer.
         */
        @SuppressWarnings("unchecked")
        public <T> T readOncePerViewer(Viewer viewer, Object what, Supplier<T> read) {
            CompletableFuture<Object> mine = new CompletableFuture<>();
            CompletableFuture<Object> first = perViewer.putIfAbsent(List.of(viewer, what), mine);
            if (first != null) {
                return (T) first.join();
            }
            try {
                T value = read.get();
                mine.complete(value);
                return value;
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
                throw e;
            }
        }
    }

    private final SharedScreens sharedScreens;
    private final Set<Follower> followers = new CopyOnWriteArraySet<>();
    private final Map<Follower, Refreshes> refreshes = new ConcurrentHashMap<>();
    private final ExecutorService fanOut = Executors.newFixedThreadPool(THREADS,
            Thread.ofPlatform().name("live-meetings-", 1).daemon().factory());

    @Inject
    public LiveMeetings(SharedScreens sharedScreens) {
        this.sharedScreens = sharedScreens;
    }

    /** Followers that all read on their own (tests of the fan-out itself). */
    LiveMeetings() {
        this((viewers, meetingId) -> Map.of());
    }

    /**
     * The refreshes of one screen: the changes not yet answered, and the latest change's round, which the next
     * refresh uses.
     */
    private static final class Refreshes {
        private final AtomicInteger changes = new AtomicInteger();
        private volatile Round latest;
    }

    public Runnable follow(Follower follower) {
        followers.add(follower);
        return () -> leave(follower);
    }

    private void leave(Follower follower) {
        followers.remove(follower);
        refreshes.remove(follower);
    }

    /** Still following, and its page still shows. */
    private boolean shows(Follower follower) {
        return followers.contains(follower) && follower.stillShows();
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

    /**
     * One round per meeting concerned, shared by its followers whose page still shows; then each of them is scheduled
     * with it. A concerned follower whose page no longer shows is let go, unread and unrefreshed.
     */
    private void publish(Predicate<Follower> concerned) {
        Map<Long, List<Follower>> perMeeting = followers.stream().filter(concerned)
                .filter(follower -> {
                    if (follower.stillShows()) {
                        return true;
                    }
                    leave(follower);
                    return false;
                })
                .collect(Collectors.groupingBy(Follower::meetingId));
        perMeeting.forEach((meetingId, screens) -> {
            Round round = new Round(meetingId, () -> viewersOf(screens), sharedScreens);
            screens.forEach(follower -> schedule(follower, round));
        });
    }

    /** The viewers read for: those of the screens that still follow and still show. */
    private Set<Viewer> viewersOf(List<Follower> screens) {
        return screens.stream().filter(this::shows).map(Follower::viewer).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * One refresh at a time per screen, so an older read never overtakes a newer one: changes that come
     * in while a refresh runs are counted and answered by one more refresh after it.
     */
    private void schedule(Follower follower, Round round) {
        Refreshes state = refreshes.computeIfAbsent(follower, f -> new Refreshes());
        state.latest = round;
        if (state.changes.getAndIncrement() > 0) {
            return; // a refresh is waiting or running; it will refresh again
        }
        try {
            fanOut.execute(() -> drain(follower, state));
        } catch (RejectedExecutionException e) {
            state.changes.set(0); // shutting down
        }
    }

    private void drain(Follower follower, Refreshes state) {
        AtomicInteger changes = state.changes;
        int seen;
        do {
            seen = changes.get();
            if (!followers.contains(follower)) {
                refreshes.remove(follower, state);
                return; // the screen left while its refresh waited
            }
            if (!follower.stillShows()) {
                leave(follower);
                return; // its page closed while its refresh waited
            }
            try {
                Round round = state.latest;
                follower.refresh().accept(round != null ? round : new Round(follower.meetingId(), Set::of, sharedScreens));
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
