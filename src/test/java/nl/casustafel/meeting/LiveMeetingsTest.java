package nl.casustafel.meeting;

import nl.casustafel.privacy.PupilFactsChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
