package nl.casustafel.meeting;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.absence.TestSql;
import nl.casustafel.account.SignIn;
import nl.casustafel.account.SignInThrottle;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.ClusterBus;
import nl.casustafel.platform.ClusterLock;
import nl.casustafel.retention.DestructionJob;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one database: this test's context is instance A, a second application context with the
 * same settings (database, JWT key, BSN and audit keys) and an HTTP server of its own is instance B. What
 * one instance does, the other must honour: a chair's move reaches B's followers, a sign-in lock and a
 * revoked token hold on B, and the nightly destruction runs on one instance only.
 * Waits are latches bounded only as hang guards; nothing here measures time.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTest implements CasustafelTestProperties {

    private static final long HANG_GUARD_SECONDS = 60;

    @Inject
    MeetingFixtures fixtures;
    @Inject
    MeetingPlanning planning;
    @Inject
    AgendaRegistration registration;
    @Inject
    MeetingSession session;
    @Inject
    ClusterBus busA;
    @Inject
    SignInThrottle throttleA;
    @Inject
    ClusterLock lockA;
    @Inject
    TestSql sql;
    @Inject
    @Client("/")
    HttpClient httpA;
    @Inject
    JsonMapper json;
    @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
    String jwtSecret;

    private EmbeddedServer serverB;
    private ApplicationContext b;
    private HttpClient httpB;

    @BeforeAll
    void startInstanceB() throws InterruptedException {
        Map<String, Object> properties = new HashMap<>(getProperties());
        properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", jwtSecret); // shared, as the README says
        serverB = ApplicationContext.run(EmbeddedServer.class, properties);
        b = serverB.getApplicationContext();
        httpB = b.createBean(HttpClient.class, serverB.getURL());
        awaitListening(busA);
        awaitListening(b.getBean(ClusterBus.class));
    }

    @AfterAll
    void stopInstanceB() {
        sql.update("DELETE FROM sign_in_failure WHERE username_key LIKE 'cluster-test-%'");
        httpB.close();
        serverB.close();
    }

    @Test
    void aFollowerOnInstanceBSeesTheChairMoveOnInstanceA() throws InterruptedException {
        MeetingSeries table = fixtures.tableLike(MeetingFixtures.VERZUIMOVERLEG);
        Viewer chair = fixtures.chairOf(table);
        Meeting meeting = planning.plan(chair, table.id(), Instant.now().plus(2, ChronoUnit.HOURS), null);
        AgendaItem first = register(chair, meeting);
        AgendaItem second = register(chair, meeting);
        session.open(chair, meeting.id());

        MeetingRepositories.Meetings meetingsOnB = b.getBean(MeetingRepositories.Meetings.class);
        CountDownLatch sawSecond = new CountDownLatch(1);
        List<Long> seenOnB = new CopyOnWriteArrayList<>();
        Runnable unfollow = b.getBean(LiveMeetings.class).follow(new LiveMeetings.Follower(meeting.id(), Set::of, () -> {
            Long current = meetingsOnB.findById(meeting.id()).orElseThrow().currentItemId();
            seenOnB.add(current);
            if (Long.valueOf(second.id()).equals(current)) {
                sawSecond.countDown();
            }
        }));
        try {
            assertEquals(first.id(), meetingsOnB.findById(meeting.id()).orElseThrow().currentItemId());
            session.moveTo(chair, meeting.id(), second.id());
            assertTrue(sawSecond.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS),
                    "the follower on B re-read the meeting and saw the second item; it saw " + seenOnB);
        } finally {
            unfollow.run();
        }
    }

    /** Messages reach each listener in commit order: B's answer after A's own message proves A skipped its own. */
    @Test
    void theSendingInstanceDoesNotHearItsOwnMessage() throws InterruptedException {
        String channel = "casustafel_test_echo";
        List<String> heardOnA = new CopyOnWriteArrayList<>();
        CountDownLatch answerOnA = new CountDownLatch(1);
        CountDownLatch heardOnB = new CountDownLatch(1);
        busA.subscribe(channel, message -> {
            heardOnA.add(message);
            answerOnA.countDown();
        });
        ClusterBus busB = b.getBean(ClusterBus.class);
        busB.subscribe(channel, message -> heardOnB.countDown());
        awaitListening(busA, channel);
        awaitListening(busB, channel);

        busA.send(channel, "from-a");
        assertTrue(heardOnB.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "B hears A");
        busB.send(channel, "from-b");
        assertTrue(answerOnA.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "A hears B");
        assertEquals(List.of("from-b"), heardOnA, "A never heard its own message, which was sent before B's");
    }

    @Test
    void aSignInLockMadeOnAHoldsOnB() {
        String username = "cluster-test-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(SignIn.Refused.class, throttleA.attempt(username, Optional::empty));
        }
        AtomicBoolean checkedOnB = new AtomicBoolean();
        SignIn onB = b.getBean(SignInThrottle.class).attempt(username, () -> {
            checkedOnB.set(true);
            return Optional.empty();
        });
        assertInstanceOf(SignIn.Locked.class, onB);
        assertFalse(checkedOnB.get(), "B does not even check the password");

        ApiClient.Answer login = new ApiClient(httpB.toBlocking(), json).call(HttpRequest.POST("/login",
                Map.of("username", username, "password", ApiClient.DEMO_PASSWORD, "code", "000000")), null);
        assertEquals(429, login.status());
        assertTrue(login.raw().contains("Te veel mislukte pogingen"), login.raw());
    }

    @Test
    void aTokenRevokedOnAIsRefusedOnB() {
        ApiClient onA = new ApiClient(httpA.toBlocking(), json);
        ApiClient onB = new ApiClient(httpB.toBlocking(), json);
        String token = onA.token("jgz.arts");
        assertEquals(200, onB.status(token, "/api/me"), "a token made on A works on B (shared signing key)");

        assertEquals(204, onA.call(HttpRequest.POST("/api/logout", ""), token).status());
        assertEquals(401, onB.status(token, "/api/me"), "B refuses it on the next request");
    }

    @Test
    void theNightlyDestructionRunsOnOneInstanceOnly() throws InterruptedException {
        CountDownLatch aHoldsTheLock = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread onA = Thread.ofPlatform().start(() -> lockA.runAlone(DestructionJob.LOCK, () -> {
            aHoldsTheLock.countDown();
            await(release);
        }));
        try {
            assertTrue(aHoldsTheLock.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
            assertFalse(b.getBean(DestructionJob.class).nightly(), "B skips the run while A runs it");
        } finally {
            release.countDown();
            onA.join(TimeUnit.SECONDS.toMillis(HANG_GUARD_SECONDS));
        }
        assertTrue(b.getBean(ClusterLock.class).runAlone(DestructionJob.LOCK, () -> { }), "after A's run B may run");
    }

    /**
     * The database ends the listening connections (as in a failover): each instance says so, reconnects, and
     * because messages sent meanwhile are lost, every follower re-reads.
     */
    @Test
    void afterALostListeningConnectionTheInstanceReconnectsAndEveryFollowerReReads() throws InterruptedException {
        CountDownLatch lost = new CountDownLatch(1);
        CountDownLatch back = new CountDownLatch(1);
        busA.watch(up -> (up ? back : lost).countDown());
        CountDownLatch reRead = new CountDownLatch(1);
        Runnable unfollow = b.getBean(LiveMeetings.class).follow(new LiveMeetings.Follower(-1, Set::of, reRead::countDown));
        try {
            sql.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'casustafel-listener' AND datname = current_database()", statement -> {
                        statement.executeQuery().close();
                        return null;
                    });
            assertTrue(lost.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "A noticed the lost connection");
            assertTrue(back.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "A reconnected");
            assertTrue(reRead.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "B's follower re-read after B reconnected");
            awaitListening(busA);
            awaitListening(b.getBean(ClusterBus.class));
        } finally {
            unfollow.run();
        }
    }

    private AgendaItem register(Viewer chair, Meeting meeting) {
        long pupil = fixtures.freshPupil(MeetingFixtures.DIJKSTAD_COLLEGE, MeetingFixtures.DIJKSTAD);
        return registration.register(chair, meeting.id(), AgendaRegistration.Registration.of(pupil)).item();
    }

    private static void awaitListening(ClusterBus bus) throws InterruptedException {
        awaitListening(bus, MeetingChangeRelay.CHANNEL);
    }

    /** Polls until the instance listens (a message sent before that would be missed); bounded only as a hang guard. */
    private static void awaitListening(ClusterBus bus, String channel) throws InterruptedException {
        for (int i = 0; i < HANG_GUARD_SECONDS * 10 && !bus.isListening(channel); i++) {
            Thread.sleep(100);
        }
        assertTrue(bus.isListening(channel), "listening on " + channel);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
