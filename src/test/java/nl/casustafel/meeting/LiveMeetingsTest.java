package nl.casustafel.meeting;

import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.covenant.Role;
import nl.casustafel.privacy.PupilFactsChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chair's move does not wait for the screens that follow it, and a screen that leaves is no longer refreshed. */
class LiveMeetingsTest {

    private static final long MEETING = 41;
    private final LiveMeetings live = new LiveMeetings();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);

    @AfterEach
    void close() throws InterruptedException {
        releaseSlow.countDown();
        live.close();
    }

    @Test
    void aSlowFollowerDoesNotHoldUpTheChairAndEveryFollowerIsRefreshed() throws InterruptedException {
        CountDownLatch slowStarted = new CountDownLatch(1);
        live.follow(new LiveMeetings.Follower(MEETING, Set::of, () -> {
            slowStarted.countDown();
            await(releaseSlow);
        }));
        CountDownLatch others = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            live.follow(new LiveMeetings.Follower(MEETING, Set::of, others::countDown));
        }
        AtomicInteger otherMeeting = new AtomicInteger();
        live.follow(new LiveMeetings.Follower(MEETING + 1, Set::of, otherMeeting::incrementAndGet));

        // The chair's call returns while the slow follower still blocks (the old loop would wait for it for ever;
        // the bound below only keeps a broken build from hanging, it is no speed goal).
        java.util.concurrent.CompletableFuture<Void> chair = java.util.concurrent.CompletableFuture.runAsync(
                () -> live.onMeetingChanged(new MeetingEvents.MeetingChanged(MEETING)));
        assertDoesNotThrow(() -> chair.get(30, TimeUnit.SECONDS), "the chair's request does not wait for a follower");
        assertEquals(1, releaseSlow.getCount(), "the slow follower was still blocked when the chair's call returned");

        assertTrue(slowStarted.await(30, TimeUnit.SECONDS), "the slow follower is refreshed too");
        assertTrue(others.await(30, TimeUnit.SECONDS), "the other followers are refreshed while the slow one still blocks");
        assertEquals(0, otherMeeting.get(), "a screen of another meeting is left alone");
    }

    @Test
    void changesDuringARefreshGiveOneMoreRefreshNeverTwoAtOnce() throws InterruptedException {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        AtomicInteger refreshes = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        live.follow(new LiveMeetings.Follower(MEETING, Set::of, () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            int n = refreshes.incrementAndGet();
            if (n == 1) {
                firstStarted.countDown();
                await(releaseSlow);
            }
            running.decrementAndGet();
            if (n == 2) {
                secondDone.countDown();
            }
        }));

        live.onMeetingChanged(new MeetingEvents.MeetingChanged(MEETING));
        assertTrue(firstStarted.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 3; i++) {
            live.onMeetingChanged(new MeetingEvents.MeetingChanged(MEETING));
        }
        releaseSlow.countDown();

        assertTrue(secondDone.await(5, TimeUnit.SECONDS), "the changes made during the first refresh are shown");
        Thread.sleep(200);
        assertEquals(2, refreshes.get(), "three changes during one refresh cost one more refresh");
        assertEquals(1, mostAtOnce.get(), "an older read never runs beside a newer one");
    }

    @Test
    void aFollowerOfAPupilIsRefreshedWhenItsFactsChange() throws InterruptedException {
        CountDownLatch refreshed = new CountDownLatch(1);
        AtomicInteger otherPupil = new AtomicInteger();
        live.follow(new LiveMeetings.Follower(MEETING, () -> Set.of(7L), refreshed::countDown));
        live.follow(new LiveMeetings.Follower(MEETING, () -> Set.of(8L), otherPupil::incrementAndGet));

        live.onPupilFactsChanged(new PupilFactsChanged(7L));

        assertTrue(refreshed.await(5, TimeUnit.SECONDS));
        assertEquals(0, otherPupil.get());
    }

    @Test
    void aFollowerThatLeftIsNoLongerCountedNorRefreshed() throws InterruptedException {
        AtomicInteger refreshes = new AtomicInteger();
        int before = live.followerCount();
        Runnable unfollow = live.follow(new LiveMeetings.Follower(MEETING, Set::of, refreshes::incrementAndGet));
        assertEquals(before + 1, live.followerCount());

        unfollow.run();
        assertEquals(before, live.followerCount());

        CountDownLatch marker = new CountDownLatch(1);
        live.follow(new LiveMeetings.Follower(MEETING, Set::of, marker::countDown));
        live.onMeetingChanged(new MeetingEvents.MeetingChanged(MEETING));
        assertTrue(marker.await(5, TimeUnit.SECONDS));
        assertEquals(0, refreshes.get(), "the screen that left was not refreshed");
    }

    @Test
    void aFailingFollowerDoesNotStopTheOthers() throws InterruptedException {
        live.follow(new LiveMeetings.Follower(MEETING, Set::of, () -> {
            throw new IllegalStateException("closed page");
        }));
        CountDownLatch refreshed = new CountDownLatch(1);
        live.follow(new LiveMeetings.Follower(MEETING, Set::of, refreshed::countDown));

        live.onMeetingChanged(new MeetingEvents.MeetingChanged(MEETING));

        assertTrue(refreshed.await(5, TimeUnit.SECONDS));
    }

    @Test
    void theFollowersOfAMeetingShareOneReadPerChangeEachGettingItsOwnViewersScreen() throws InterruptedException {
        Viewer chair = viewer(1, Role.PARTNERSHIP_COORDINATOR);
        Viewer nurse = viewer(2, Role.YOUTH_NURSE);
        java.util.List<java.util.Collection<Viewer>> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<Viewer, MeetingScreen> decided = Map.of(chair, screen(1), nurse, screen(2));
        LiveMeetings shared = new LiveMeetings((viewers, meetingId) -> {
            reads.add(java.util.List.copyOf(viewers));
            return decided;
        });
        try {
            int followers = 50;
            CountDownLatch refreshed = new CountDownLatch(followers);
            Map<Viewer, java.util.Set<MeetingScreen>> shown = new java.util.concurrent.ConcurrentHashMap<>();
            for (int i = 0; i < followers; i++) {
                Viewer v = i % 2 == 0 ? chair : nurse;
                shared.follow(new LiveMeetings.Follower(MEETING, Set::of, v, round -> {
                    round.screenOf(v).ifPresent(s -> shown.computeIfAbsent(v, k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(s));
                    refreshed.countDown();
                }));
            }
            AtomicInteger elsewhere = new AtomicInteger();
            shared.follow(new LiveMeetings.Follower(MEETING + 1, Set::of, chair, round -> elsewhere.incrementAndGet()));

            shared.onMeetingChanged(new MeetingEvents.MeetingChanged(MEETING));

            assertTrue(refreshed.await(10, TimeUnit.SECONDS), "every follower is refreshed");
            assertEquals(1, reads.size(), "50 followers, one read of the meeting");
            assertEquals(Set.of(chair, nurse), Set.copyOf(reads.getFirst()), "for the two viewers following it, each once");
            assertEquals(Set.of(decided.get(chair)), shown.get(chair), "the chair's screens show the chair's decision");
            assertEquals(Set.of(decided.get(nurse)), shown.get(nurse), "the nurse's screens show the nurse's decision");
            Thread.sleep(100);
            assertEquals(0, elsewhere.get(), "another meeting's screen is not refreshed");
        } finally {
            shared.close();
        }
    }

    @Test
    void whatAScreenReadsBesideItIsReadOncePerViewerNeverSharedBetweenViewers() throws InterruptedException {
        Viewer chair = viewer(1, Role.PARTNERSHIP_COORDINATOR);
        Viewer nurse = viewer(2, Role.YOUTH_NURSE);
        LiveMeetings shared = new LiveMeetings((viewers, meetingId) -> Map.of());
        try {
            int followers = 12;
            CountDownLatch refreshed = new CountDownLatch(followers);
            Map<Viewer, AtomicInteger> reads = Map.of(chair, new AtomicInteger(), nurse, new AtomicInteger());
            Map<Viewer, java.util.Set<String>> got = new java.util.concurrent.ConcurrentHashMap<>();
            for (int i = 0; i < followers; i++) {
                Viewer v = i % 3 == 0 ? nurse : chair; // several tabs of each user
                shared.follow(new LiveMeetings.Follower(MEETING, Set::of, v, round -> {
                    String plan = round.readOncePerViewer(v, 5L, () -> {
                        reads.get(v).incrementAndGet();
                        return "plan as " + v.username();
                    });
                    got.computeIfAbsent(v, k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(plan);
                    refreshed.countDown();
                }));
            }
            shared.onMeetingChanged(new MeetingEvents.MeetingChanged(MEETING));
            assertTrue(refreshed.await(10, TimeUnit.SECONDS));
            assertEquals(1, reads.get(chair).get(), "the chair's eight tabs read the plan once");
            assertEquals(1, reads.get(nurse).get(), "the nurse's four tabs read it once, for the nurse");
            assertEquals(Set.of("plan as user1"), got.get(chair));
            assertEquals(Set.of("plan as user2"), got.get(nurse), "never what was read for another viewer");
        } finally {
            shared.close();
        }
    }

    @Test
    void aViewerWithoutASharedScreenGetsNoneFromTheRound() throws InterruptedException {
        Viewer gone = viewer(3, Role.YOUTH_NURSE);
        LiveMeetings shared = new LiveMeetings((viewers, meetingId) -> Map.of()); // no longer at the table
        try {
            CountDownLatch refreshed = new CountDownLatch(1);
            AtomicInteger withScreen = new AtomicInteger();
            shared.follow(new LiveMeetings.Follower(MEETING, Set::of, gone, round -> {
                round.screenOf(gone).ifPresent(s -> withScreen.incrementAndGet());
                refreshed.countDown();
            }));
            shared.onMeetingChanged(new MeetingEvents.MeetingChanged(MEETING));
            assertTrue(refreshed.await(5, TimeUnit.SECONDS));
            assertEquals(0, withScreen.get(), "the screen reads on its own (and learns it may no longer see the meeting)");
        } finally {
            shared.close();
        }
    }

    @Test
    void aFollowerWhosePageNoLongerShowsIsNeitherReadForNorLogged() throws InterruptedException {
        Viewer chair = viewer(1, Role.PARTNERSHIP_COORDINATOR);
        Viewer closedOnly = viewer(2, Role.YOUTH_NURSE);
        Viewer closedAndOpen = viewer(3, Role.ATTENDANCE_OFFICER);
        java.util.List<java.util.Collection<Viewer>> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<String> accessLog = new java.util.concurrent.CopyOnWriteArrayList<>();
        LiveMeetings shared = new LiveMeetings(readingAndLogging(reads, accessLog));
        try {
            CountDownLatch refreshed = new CountDownLatch(2);
            AtomicInteger closedRefreshes = new AtomicInteger();
            shared.follow(new LiveMeetings.Follower(MEETING, Set::of, chair, () -> true, round -> {
                round.screenOf(chair);
                refreshed.countDown();
            }));
            shared.follow(new LiveMeetings.Follower(MEETING, Set::of, closedOnly, () -> false,
                    round -> closedRefreshes.incrementAndGet()));
            shared.follow(new LiveMeetings.Follower(MEETING, Set::of, closedAndOpen, () -> false,
                    round -> closedRefreshes.incrementAndGet()));
            shared.follow(new LiveMeetings.Follower(MEETING, Set::of, closedAndOpen, () -> true, round -> {
                round.screenOf(closedAndOpen);
                refreshed.countDown();
            }));
            int before = shared.followerCount();

            shared.onMeetingChanged(new MeetingEvents.MeetingChanged(MEETING));

            assertTrue(refreshed.await(5, TimeUnit.SECONDS), "the screens that still show are refreshed");
            assertEquals(1, reads.size(), "one shared read");
            assertEquals(Set.of(chair, closedAndOpen), Set.copyOf(reads.getFirst()),
                    "read for the viewers with a page that shows, not for the one whose only page closed");
            assertEquals(Set.of("user1 read pupil 7", "user3 read pupil 7"), Set.copyOf(accessLog),
                    "the viewer whose only page closed is not in the access log");
            Thread.sleep(100);
            assertEquals(0, closedRefreshes.get(), "a page that no longer shows is not refreshed");
            assertEquals(before - 2, shared.followerCount(), "and is let go, as if it had left");
        } finally {
            shared.close();
        }
    }

    @Test
    void aPageThatClosesBetweenTheChangeAndTheReadIsNotReadFor() throws InterruptedException {
        Viewer chair = viewer(1, Role.PARTNERSHIP_COORDINATOR);
        Viewer nurse = viewer(2, Role.YOUTH_NURSE);
        java.util.List<java.util.Collection<Viewer>> reads = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<String> accessLog = new java.util.concurrent.CopyOnWriteArrayList<>();
        LiveMeetings shared = new LiveMeetings(readingAndLogging(reads, accessLog));
        try {
            CountDownLatch refreshed = new CountDownLatch(1);
            AtomicInteger asked = new AtomicInteger();
            AtomicInteger nurseRefreshes = new AtomicInteger();
            shared.follow(new LiveMeetings.Follower(MEETING, Set::of, chair, () -> true, round -> {
                round.screenOf(chair);
                refreshed.countDown();
            }));
            // shows when the change is published, no longer when the round reads
            shared.follow(new LiveMeetings.Follower(MEETING, Set::of, nurse, () -> asked.getAndIncrement() == 0,
                    round -> nurseRefreshes.incrementAndGet()));

            shared.onMeetingChanged(new MeetingEvents.MeetingChanged(MEETING));

            assertTrue(refreshed.await(5, TimeUnit.SECONDS));
            assertEquals(java.util.List.of(java.util.List.of(chair)), reads, "read for the chair only");
            assertEquals(java.util.List.of("user1 read pupil 7"), accessLog);
            Thread.sleep(100);
            assertEquals(0, nurseRefreshes.get(), "the closed page is not refreshed");
        } finally {
            shared.close();
        }
    }

    /**
     * A shared read as {@link MeetingQueries#screens} makes it: every viewer read for is logged as having read the
     * meeting's pupil (7) by name.
     */
    private static LiveMeetings.SharedScreens readingAndLogging(java.util.List<java.util.Collection<Viewer>> reads,
                                                                java.util.List<String> accessLog) {
        return (viewers, meetingId) -> {
            reads.add(java.util.List.copyOf(viewers));
            Map<Viewer, MeetingScreen> screens = new java.util.LinkedHashMap<>();
            viewers.forEach(v -> {
                accessLog.add(v.username() + " read pupil 7");
                screens.put(v, screen(v.userId()));
            });
            return screens;
        };
    }

    private static Viewer viewer(long id, Role role) {
        return new Viewer(id, "user" + id, "User " + id, role, 10 + id, "Partij " + id, PartyType.SCHOOL_BOARD, Set.of(), Set.of());
    }

    /** A screen told apart from others by its marker (in the readable action ids). */
    private static MeetingScreen screen(long marker) {
        return new MeetingScreen(null, null, java.util.List.of(), null, null, java.util.List.of(), Set.of(marker), java.util.List.of(), null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
