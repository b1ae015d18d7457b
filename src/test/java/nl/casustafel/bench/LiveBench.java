package nl.casustafel.bench;

import io.micronaut.context.ApplicationContext;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.DuoReportKind;
import nl.casustafel.duo.DuoReportService;
import nl.casustafel.meeting.AgendaRegistration;
import nl.casustafel.meeting.ItemExtension;
import nl.casustafel.meeting.LiveMeetings;
import nl.casustafel.meeting.MeetingQueries;
import nl.casustafel.meeting.MeetingScreen;
import nl.casustafel.meeting.MeetingSeries;
import nl.casustafel.meeting.MeetingSession;
import nl.casustafel.meeting.MeetingTables;
import nl.casustafel.meeting.TableFixtures;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.RuntimeProperties;
import nl.casustafel.privacy.Disclosure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The live meeting's fan-out (issue 14; not a test, run by bench/live/run.sh): a verzuimoverleg of the demo region
 * with an agenda of 50 pupils, followed by 10, 25 and 50 screens that each re-read the meeting as their own user does
 * in {@code MeetingView}: {@link MeetingQueries#screen} through the privacy kernel plus the item extensions (the plan
 * van aanpak), on the {@link LiveMeetings} pool. The chair moves the meeting as {@code POST /api/meetings/{id}/current}
 * does ({@link MeetingSession#moveTo} in its own transaction, then the summary of the answer); timed are the chair's
 * call and the time from its start until the last follower finished its read. Measured twice: each follower reading on
 * its own, and the followers sharing one read per change ({@link LiveMeetings.Round}), as {@code MeetingView} does now.
 * Bounded: 5 warm-up and 30 measured moves per follower count and mode, each move waiting at most 30 s for its followers.
 * Arguments: measured moves (default 30).
 */
public final class LiveBench {

    private static final String TABLE = "Verzuimoverleg Dijkstad College";
    private static final String SCHOOL = TableFixtures.DIJKSTAD_COLLEGE, DIJKSTAD = TableFixtures.DIJKSTAD, VEENHOVEN = "GM9902";
    /** The table's participants, from the chair (everything by name) to the youth nurse (everything under the alias). */
    private static final List<String> PARTICIPANTS = List.of("zorg.dijkstad", "leerplicht.dijkstad", "leerplicht.veenhoven", "jgz.verpleegkundige");
    private static final int[] FOLLOWERS = {10, 25, 50};
    private static final int WARM_UP = 5, POOL_THREADS = 4;

    /** One move: when the chair's call started, and when each follower finished reading the screen it moved to. */
    private record Round(long start, long itemId, AtomicLongArray done, CountDownLatch all, AtomicInteger stale, LongAdder reading) {

        Round(long start, long itemId, int followers) {
            this(start, itemId, new AtomicLongArray(followers), new CountDownLatch(followers), new AtomicInteger(), new LongAdder());
        }

        void finished(int follower, MeetingScreen screen, long readNanos) {
            long now = System.nanoTime();
            reading.add(readNanos);
            if (screen.current() == null || screen.current().item().id() != itemId) {
                stale.incrementAndGet(); // read before the move was visible: the next refresh (already counted) brings it
                return;
            }
            if (done.compareAndSet(follower, 0, now)) {
                all.countDown();
            }
        }
    }

    private static volatile Round round;

    public static void main(String[] args) throws Exception {
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Map<String, Object> properties = new HashMap<>(RuntimeProperties.forTests());
        properties.put("casustafel.demo.load", "true");
        properties.put("micronaut.server.port", -1);
        properties.put("casustafel.ui.enabled", false);
        properties.put("casustafel.http.port", 0);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            AccountService accounts = context.getBean(AccountService.class);
            TableFixtures fixtures = context.getBean(TableFixtures.class);
            AgendaRegistration registration = context.getBean(AgendaRegistration.class);
            DuoReportService duo = context.getBean(DuoReportService.class);
            MeetingSession session = context.getBean(MeetingSession.class);
            MeetingQueries queries = context.getBean(MeetingQueries.class);
            MeetingTables tables = context.getBean(MeetingTables.class);
            LiveMeetings live = context.getBean(LiveMeetings.class);
            Collection<ItemExtension> extensions = context.getBeansOfType(ItemExtension.class);

            long t0 = System.nanoTime();
            MeetingSeries table = fixtures.tableLike(TABLE);
            Viewer chair = fixtures.chairOf(table);
            long meetingId = fixtures.planNextWeek(table).id();
            List<Viewer> viewers = PARTICIPANTS.stream().map(u -> accounts.viewer(u).orElseThrow()).toList();
            // 50 pupils as AgendaStatementCountTest has them: 20 of Dijkstad with a DUO report (by name for Dijkstad's
            // attendance officer), 20 without, 10 buitenleerlingen from Veenhoven of whom 5 reported (by name for Veenhoven's)
            List<Long> pupils = new ArrayList<>();
            LocalDate today = LocalDate.now(ClockFactory.AMSTERDAM);
            for (int i = 0; i < 50; i++) {
                long pupil = fixtures.freshPupil(SCHOOL, i < 40 ? DIJKSTAD : VEENHOVEN);
                if (i < 20 || i >= 45) {
                    duo.record(chair, pupil, new DuoReportService.NewReport(DuoReportKind.RELATIVE_16H, today, "DUO-BENCH-" + i));
                }
                pupils.add(pupil);
            }
            Collections.shuffle(pupils, new Random(14));
            List<Long> items = new ArrayList<>();
            for (long pupil : pupils) {
                items.add(registration.register(chair, meetingId, AgendaRegistration.Registration.of(pupil)).item().id());
            }
            session.open(chair, meetingId);
            System.out.printf("set-up (table, 50 pupils, 25 DUO reports, agenda of %d items, meeting opened): %.1f s%n",
                    items.size(), (System.nanoTime() - t0) / 1e9);
            for (Viewer v : viewers) {
                MeetingScreen s = queries.screen(v, meetingId, null);
                long byName = s.agenda().stream().filter(e -> e.pupil() != null && e.pupil().disclosure() == Disclosure.IDENTIFIED).count();
                System.out.printf("  %-22s %-20s sees %2d of %d pupils by name, the rest under the alias%n",
                        v.username(), v.role(), byName, s.agenda().size());
            }

            System.out.printf("load average at the start: %s%n", loadAverage());
            // one follower's read on its own, nothing else running: the physical reference, after 150 reads that warm the JVM up
            long[] singleBefore = singleReads(queries, tables, extensions, viewers, meetingId, 150, 40);

            Set<Long> shownPupils = Set.copyOf(pupils);
            long singleMedian = singleBefore[1];
            List<Runnable> unfollows = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            int move = 0;
            for (boolean sharedRead : new boolean[]{false, true}) {
            unfollows.forEach(Runnable::run);
            unfollows.clear();
            lines.add(sharedRead ? "shared read per change (LiveMeetings.Round over MeetingQueries.screens), as MeetingView follows now:"
                    : "each follower reads on its own (MeetingQueries.screen per follower), as before the shared read:");
            for (int followers : FOLLOWERS) {
                for (int f = unfollows.size(); f < followers; f++) {
                    int index = f;
                    Viewer v = viewers.get(f % viewers.size());
                    LiveMeetings.Follower follower = sharedRead
                            ? new LiveMeetings.Follower(meetingId, () -> shownPupils, v, change -> {
                                long begin = System.nanoTime();
                                MeetingScreen screen = change.screenOf(v).orElseGet(() -> queries.screen(v, meetingId, null));
                                change.readOncePerViewer(v, screen.current() == null ? "none" : screen.current().item().id(),
                                        () -> extend(tables, extensions, v, meetingId, screen));
                                finished(index, screen, System.nanoTime() - begin);
                            })
                            : new LiveMeetings.Follower(meetingId, () -> shownPupils, () -> {
                                long begin = System.nanoTime();
                                MeetingScreen screen = read(queries, tables, extensions, v, meetingId);
                                finished(index, screen, System.nanoTime() - begin);
                            });
                    unfollows.add(live.follow(follower));
                }
                long[] chairTimes = new long[moves];
                long[] moveTimes = new long[moves];
                long readingNanos = 0;
                long[] lastTimes = new long[moves];
                int stale = 0;
                for (int m = 0; m < WARM_UP + moves; m++, move++) {
                    long itemId = items.get((move * 7 + 1) % items.size()); // a different item each move
                    Thread.sleep(50); // the pool is idle before each move
                    long start = System.nanoTime();
                    round = new Round(start, itemId, followers);
                    Round r = round;
                    var moved = session.moveTo(chair, meetingId, itemId); // commits; the listener schedules the followers
                    long moveNanos = System.nanoTime() - start;
                    queries.summary(chair, moved); // the rest of what the controller does
                    long chairNanos = System.nanoTime() - start;
                    if (!r.all().await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("followers not done after 30 s at move " + move);
                    }
                    long last = 0;
                    for (int f = 0; f < followers; f++) {
                        last = Math.max(last, r.done().get(f));
                    }
                    if (m >= WARM_UP) {
                        chairTimes[m - WARM_UP] = chairNanos;
                        moveTimes[m - WARM_UP] = moveNanos;
                        readingNanos += r.reading().sum();
                        lastTimes[m - WARM_UP] = last - start;
                        stale += r.stale().get();
                    }
                }
                round = null;
                Thread.sleep(200);
                Arrays.sort(chairTimes);
                Arrays.sort(moveTimes);
                Arrays.sort(lastTimes);
                double ideal = followers * singleMedian / (double) POOL_THREADS;
                double idealCores = followers * singleMedian / (double) Math.min(POOL_THREADS, Runtime.getRuntime().availableProcessors());
                lines.add(String.format(
                        "%2d followers, %d moves: chair p50 %6.1f p95 %6.1f max %6.1f ms (goal 50 ms p95; moveTo alone p95 %.1f ms)"
                                + " | last follower p50 %7.1f p95 %7.1f max %7.1f ms (goal 500 ms p95)"
                                + " | p95 / ideal %.0f ms (n x median single / %d threads) = %.2f; / ideal on %d cores %.0f ms = %.2f"
                                + " | one read during the fan-out: mean %.1f ms | stale reads %d | load %s",
                        followers, moves, ms(p(chairTimes, 50)), ms(p(chairTimes, 95)), ms(chairTimes[moves - 1]), ms(p(moveTimes, 95)),
                        ms(p(lastTimes, 50)), ms(p(lastTimes, 95)), ms(lastTimes[moves - 1]),
                        ideal / 1e6, POOL_THREADS, p(lastTimes, 95) / ideal, Math.min(POOL_THREADS, Runtime.getRuntime().availableProcessors()),
                        idealCores / 1e6, p(lastTimes, 95) / idealCores,
                        readingNanos / 1e6 / ((long) moves * followers), stale, loadAverage()));
            }
            }
            unfollows.forEach(Runnable::run);
            System.out.printf("cores: %d; JDK %s; fan-out pool %d threads; agenda of %d items; followers spread over %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), POOL_THREADS, items.size(), PARTICIPANTS);
            long[] singleAfter = singleReads(queries, tables, extensions, viewers, meetingId, 0, 40);
            System.out.printf("one follower's read alone (screen + item extensions, 40 reads over the 4 viewers): before the fan-out best %.1f ms,"
                    + " median %.1f ms (the reference below); after it best %.1f ms, median %.1f ms%n",
                    ms(singleBefore[0]), ms(singleBefore[1]), ms(singleAfter[0]), ms(singleAfter[1]));
            // the batched read the fan-out shares per change (the meeting and its pupils read once, the kernel deciding per
            // viewer), for the 4 distinct viewers at once
            long[] batched = new long[20];
            for (int i = 0; i < batched.length; i++) {
                long start = System.nanoTime();
                queries.screens(viewers, meetingId);
                batched[i] = System.nanoTime() - start;
            }
            Arrays.sort(batched);
            System.out.printf("MeetingQueries.screens for the %d viewers at once (20 reads; what one change costs the database): best %.1f ms, median %.1f ms"
                    + " (vs %d single reads at the median after: %.1f ms)%n", viewers.size(), ms(batched[0]), ms(batched[batched.length / 2]),
                    viewers.size(), ms(viewers.size() * singleAfter[1]));
            lines.forEach(System.out::println);
        }
        System.exit(0);
    }

    private static void finished(int follower, MeetingScreen screen, long readNanos) {
        Round r = round;
        if (r != null) {
            r.finished(follower, screen, readNanos);
        }
    }

    /** What a MeetingView follower reads on the pool: the screen at its user's level and what the extensions add. */
    private static MeetingScreen read(MeetingQueries queries, MeetingTables tables, Collection<ItemExtension> extensions, Viewer viewer, long meetingId) {
        return extend(tables, extensions, viewer, meetingId, queries.screen(viewer, meetingId, null));
    }

    /** What the item extensions (the plan van aanpak) add to a screen, read as its user. */
    private static MeetingScreen extend(MeetingTables tables, Collection<ItemExtension> extensions, Viewer viewer, long meetingId, MeetingScreen screen) {
        if (screen.current() != null && screen.current().pupil() != null && !extensions.isEmpty()) {
            ItemExtension.ItemAt at = new ItemExtension.ItemAt(meetingId, screen.table().id(), screen.current().item().pupilId(),
                    tables.previousMeetingStart(screen.meeting()).orElse(null));
            extensions.forEach(e -> e.read(viewer, at));
        }
        return screen;
    }

    /** Best and median of {@code count} reads in turn by each viewer, after {@code warmUp} unmeasured ones. */
    private static long[] singleReads(MeetingQueries queries, MeetingTables tables, Collection<ItemExtension> extensions, List<Viewer> viewers,
                                      long meetingId, int warmUp, int count) {
        long[] times = new long[count];
        for (int i = 0; i < warmUp + count; i++) {
            long start = System.nanoTime();
            read(queries, tables, extensions, viewers.get(i % viewers.size()), meetingId);
            if (i >= warmUp) {
                times[i - warmUp] = System.nanoTime() - start;
            }
        }
        Arrays.sort(times);
        return new long[]{times[0], times[count / 2]};
    }

    private static String loadAverage() {
        try {
            String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** Nearest-rank percentile of sorted values. */
    private static long p(long[] sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
