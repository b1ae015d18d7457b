package nl.casustafel.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import nl.casustafel.absence.AbsenceHistory;
import nl.casustafel.absence.SignalSort;
import nl.casustafel.absence.SignalWorkList;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.meeting.AgendaNotes;
import nl.casustafel.meeting.AgendaRegistration;
import nl.casustafel.meeting.MeetingAction;
import nl.casustafel.meeting.MeetingActions;
import nl.casustafel.meeting.MeetingPlanning;
import nl.casustafel.meeting.MeetingQueries;
import nl.casustafel.meeting.MeetingScreen;
import nl.casustafel.meeting.MeetingViews;
import nl.casustafel.platform.RuntimeProperties;
import nl.casustafel.privacy.BsnCipher;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.pupil.PupilSearch;
import nl.casustafel.pupil.PupilService;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The main API reads at region scale (issue 14; not a test, run by bench/region/run.sh): 50 schools, one of them
 * with 5,000 pupils, 100,000 pupils, 500 user accounts and 10,000,000 absence records loaded with COPY into a
 * throw-away database. Each read is the service call behind an API endpoint, made as the viewer who would make it,
 * timed once cold and then 20 times after 3 warm-up runs (p50 and p95), next to its goal (100 ms p95; 300 ms for the
 * signals of the 5,000-pupil school) and next to physical references measured in the same run (the COPY of the
 * records, a plain index lookup and a sequential count of the records).
 * Arguments: pupils (default 100000), records per pupil (default 100), pupils of the big school (default 5000).
 */
public final class RegionBench {

    private static final int SCHOOLS = 50;
    private static final int MUNICIPALITIES = 10;
    private static final int WARM_UP = 3;
    private static final int RUNS = 20;
    /** The reference date of the signals: inside the generated school year 2025/26. */
    private static final LocalDate SIGNALS_ON = LocalDate.of(2026, 3, 2);

    private static final List<String> ROWS = new ArrayList<>();
    /** {@code BENCH_ONLY=signals|agenda}: time only the reads whose name matches this pattern (the set-up still runs in full). */
    private static final String ONLY = System.getenv("BENCH_ONLY");

    public static void main(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perPupil = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int bigSchool = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        long rows = (long) pupils * perPupil;
        Map<String, Object> properties = new HashMap<>(RuntimeProperties.forTests());
        properties.put("casustafel.demo.load", "true");
        properties.put("micronaut.server.port", -1);
        properties.put("casustafel.ui.enabled", false);
        properties.put("casustafel.http.port", 0);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
            AccountService accounts = context.getBean(AccountService.class);
            Viewer swv = accounts.viewer("swv.coordinator").orElseThrow();
            long t0 = System.nanoTime();
            long users = tx.executeWrite(status -> {
                BenchRegion.setUp(status.getConnection(), swv, pupils, SCHOOLS, MUNICIPALITIES, bigSchool);
                BenchRegion.sealBsns(status.getConnection(), context.getBean(BsnCipher.class));
                return BenchRegion.users(status.getConnection(), swv, 6, 10, 50, 50);
            });
            System.out.printf("set-up (%d schools, %,d pupils, identities with sealed BSNs, %d users, DUO reports): %.1f s%n", SCHOOLS, pupils, users,
                    (System.nanoTime() - t0) / 1e9);
            long copyNanos = tx.executeWrite(status -> BenchRegion.copy(status.getConnection(), pupils, perPupil));
            BenchRegion.analyze(tx);
            System.out.printf("COPY of %,d records: %.1f s (%,.0f rows/s)%n", rows, copyNanos / 1e9, rows / (copyNanos / 1e9));

            // the viewers, as an API request finds them
            Viewer big = accounts.viewer("zorg.60AA.1").orElseThrow();      // care coordinator of the big school (first bench school)
            Viewer normal = accounts.viewer("zorg.61AA.1").orElseThrow();   // care coordinator of an ordinary school
            Viewer officer = accounts.viewer("leerplicht.GM8000.1").orElseThrow(); // sworn for the big school's municipality
            Viewer nurse = accounts.viewer("jgz.bench.1").orElseThrow();
            long bigSchoolId = big.schoolIds().iterator().next();
            long normalSchoolId = normal.schoolIds().iterator().next();
            long bigCount = count(tx, "SELECT count(*) FROM pupil WHERE school_id = " + bigSchoolId);
            long normalCount = count(tx, "SELECT count(*) FROM pupil WHERE school_id = " + normalSchoolId);
            long userCount = count(tx, "SELECT count(*) FROM user_account WHERE password_hash = '!bench'");
            String b = String.format("%,d-pupil", bigCount), n = String.format("%,d-pupil", normalCount);
            System.out.printf("big school %,d pupils, ordinary school %,d pupils, %d bench users%n", bigCount, normalCount, userCount);

            // the agenda: a verzuimoverleg of the big school with 50 of its pupils, 25 of them reported to DUO
            long meetingId = agenda(context, tx, big, officer, nurse, bigSchoolId);

            // physical references
            long scanNanos = BenchRegion.best(3, () -> tx.executeRead(status -> BenchRegion.ids(status.getConnection(),
                    "SELECT count(*) FROM absence_record WHERE hours >= 0")));
            long pupilId = tx.executeRead(status -> BenchRegion.ids(status.getConnection(),
                    "SELECT min(id) FROM pupil WHERE school_id = " + normalSchoolId)).getFirst();
            time("ref: primary-key lookup of one pupil (SELECT … WHERE id = ?)", 0, r -> 1,
                    () -> tx.executeRead(status -> BenchRegion.ids(status.getConnection(), "SELECT school_year FROM pupil WHERE id = " + pupilId)));
            time("ref: index lookup of one pupil's " + perPupil + " records", 0, List::size,
                    () -> tx.executeRead(status -> BenchRegion.ids(status.getConnection(),
                            "SELECT hours FROM absence_record WHERE school_id = " + normalSchoolId + " AND pupil_id = " + pupilId)));
            row("ref: sequential count(*) of all " + String.format("%,d", rows) + " records (best of 3)", -1, scanNanos, scanNanos, scanNanos, 0);

            // the pupil list (GET /api/pupils?page&size, X-Total-Count)
            PupilService pupilService = context.getBean(PupilService.class);
            PupilSearch all = PupilSearch.all();
            PupilSearch jans = new PupilSearch("jans", null);
            PupilSearch fullName = new PupilSearch("sanne de vries", null);
            ToIntFunction<PupilService.PupilList> shown = l -> l.pupils().size();
            time("pupil list, " + n + " school, page 1 of 50", 100, shown, () -> pupilService.pageOwnSchools(normal, all, 0, 50));
            time("pupil list, " + n + " school, page 31 of 50", 100, shown, () -> pupilService.pageOwnSchools(normal, all, 1500, 50));
            time("pupil list, " + n + " school, page 1 of 500 (API default)", 100, shown, () -> pupilService.pageOwnSchools(normal, all, 0, 500));
            time("pupil list, " + n + " school, search 'jans', page 1 of 50", 100, shown, () -> pupilService.pageOwnSchools(normal, jans, 0, 50));
            time("pupil list, " + n + " school, search 'jans', page 2 of 50", 100, shown, () -> pupilService.pageOwnSchools(normal, jans, 50, 50));
            time("pupil list, " + n + " school, search 'sanne de vries'", 100, shown, () -> pupilService.pageOwnSchools(normal, fullName, 0, 50));
            time("pupil list, " + b + " school, page 1 of 50", 100, shown, () -> pupilService.pageOwnSchools(big, all, 0, 50));
            time("pupil list, " + b + " school, last page of 50", 100, shown, () -> pupilService.pageOwnSchools(big, all, bigCount - 50, 50));
            time("pupil list, " + b + " school, search 'jans', page 1 of 50", 100, shown, () -> pupilService.pageOwnSchools(big, jans, 0, 50));
            time("pupil total only (totalOwnSchools), " + b + " school", 100, t -> (int) (long) t, () -> pupilService.totalOwnSchools(big, all));

            // a pupil's detail and absence history (GET /api/pupils/{id}; the history behind the facts panel)
            AbsenceHistory history = context.getBean(AbsenceHistory.class);
            time("pupil detail (PupilService.find by number)", 100, p -> p.isPresent() ? 1 : 0,
                    () -> pupilService.find(normal, String.valueOf(pupilId), null, "api /api/pupils/" + pupilId));
            time("pupil absence history by month (AbsenceHistory)", 100, List::size, () -> history.byMonth(pupilId));

            // the signals (GET /api/absence-signals?size=50: one page read; the CSV export reads the whole list)
            SignalWorkList workList = context.getBean(SignalWorkList.class);
            nl.casustafel.absence.AbsenceSignals computed = context.getBean(nl.casustafel.absence.AbsenceSignals.class);
            SignalSort.Order byPupil = new SignalSort.Order(SignalSort.Key.PUPIL, false);
            for (Map.Entry<String, Viewer> school : List.of(Map.entry(n, normal), Map.entry(b, big))) {
                Viewer v = school.getValue();
                time("signals computed only (AbsenceSignals.forSchools), " + school.getKey() + " school", 300, List::size,
                        () -> computed.forSchools(v.schoolIds(), SIGNALS_ON));
                time("signals listing only (filter, count, positions by name; nobody read), " + school.getKey() + " school", 300,
                        SignalWorkList.Listing::size, () -> workList.listing(v, SIGNALS_ON, SignalWorkList.Filter.ALL));
                time("signals, " + school.getKey() + " school, page 1 of 50 (GET /api/absence-signals?size=50)", 300,
                        p -> p.entries().size(), () -> workList.page(v, SIGNALS_ON, SignalWorkList.Filter.ALL, SignalSort.Order.URGENT_FIRST,
                                0, 50, SignalWorkList.READ));
                time("signals, " + school.getKey() + " school, page 20 of 50 by pupil", 300, p -> p.entries().size(),
                        () -> workList.page(v, SIGNALS_ON, SignalWorkList.Filter.ALL, byPupil, 950, 50, SignalWorkList.READ));
                time("signals, " + school.getKey() + " school, whole list read (as the CSV export does)", 0, List::size,
                        () -> workList.of(v, SIGNALS_ON, SignalWorkList.Filter.ALL, SignalSort.Order.URGENT_FIRST, SignalWorkList.READ));
            }

            // the agenda of 50 items at each viewer's level (GET /api/meetings/{id}; the meeting screen)
            MeetingQueries queries = context.getBean(MeetingQueries.class);
            for (Map.Entry<String, Viewer> v : List.of(Map.entry("chair (all by name)", big), Map.entry("attendance officer (mixed)", officer),
                    Map.entry("youth nurse (all under alias)", nurse))) {
                MeetingViews.MeetingDetail detail = queries.detail(v.getValue(), meetingId);
                long byName = detail.agenda().stream().filter(e -> e.pupil() != null && e.pupil().disclosure() == Disclosure.IDENTIFIED).count();
                time("agenda of " + detail.agenda().size() + " (GET /api/meetings/{id}), " + v.getKey() + ": " + byName + " by name", 100,
                        d -> d.agenda().size(), () -> queries.detail(v.getValue(), meetingId));
                time("meeting screen of " + detail.agenda().size() + " (MeetingQueries.screen), " + v.getKey(), 100,
                        (MeetingScreen s) -> s.agenda().size(), () -> queries.screen(v.getValue(), meetingId, null));
            }

            System.out.printf("%ncores: %d; %d schools, %,d pupils (big school %,d), %d users, %,d absence records%n",
                    Runtime.getRuntime().availableProcessors(), SCHOOLS, pupils, bigCount, userCount, rows);
            System.out.printf("COPY of the records (physical limit, load): %.2f s (%,.0f rows/s); sequential count(*): %.3f s%n",
                    copyNanos / 1e9, rows / (copyNanos / 1e9), scanNanos / 1e9);
            System.out.println();
            System.out.println("| measure | rows | first | p50 | p95 | goal | p95 / goal |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            ROWS.forEach(System.out::println);
        }
        System.exit(0);
    }

    /** Plans a meeting of a new verzuimoverleg of the school and registers 50 of its pupils, as its chair would. */
    private static long agenda(ApplicationContext context, TransactionOperations<Connection> tx, Viewer chair, Viewer officer, Viewer nurse,
                               long schoolId) {
        Clock clock = context.getBean(Clock.class);
        long seriesId = tx.executeWrite(status -> {
            try (Statement s = status.getConnection().createStatement()) {
                s.execute("INSERT INTO meeting_series (type, name, school_id, chair_id, every_weeks) VALUES ('VERZUIMOVERLEG', 'Bench verzuimoverleg', "
                        + schoolId + ", " + chair.userId() + ", 4)");
            }
            long id = BenchRegion.ids(status.getConnection(), "SELECT max(id) FROM meeting_series").getFirst();
            try (Statement s = status.getConnection().createStatement()) {
                for (Viewer v : List.of(chair, officer, nurse)) {
                    s.execute("INSERT INTO series_participant (series_id, user_id) VALUES (" + id + ", " + v.userId() + ")");
                }
            }
            return id;
        });
        long meetingId = context.getBean(MeetingPlanning.class).plan(chair, seriesId, Instant.now(clock).plus(Duration.ofDays(7)), null).id();
        List<Long> pupils = new ArrayList<>(tx.executeRead(status -> BenchRegion.ids(status.getConnection(),
                "SELECT pupil_id FROM duo_report d WHERE school_id = " + schoolId + " AND closed_on IS NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM closing_decision c WHERE c.pupil_id = d.pupil_id) ORDER BY pupil_id LIMIT 25")));
        pupils.addAll(tx.executeRead(status -> BenchRegion.ids(status.getConnection(),
                "SELECT id FROM pupil p WHERE school_id = " + schoolId + " AND NOT EXISTS (SELECT 1 FROM duo_report d WHERE d.pupil_id = p.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM closing_decision c WHERE c.pupil_id = p.id)"
                        + " ORDER BY id LIMIT 25")));
        AgendaRegistration registration = context.getBean(AgendaRegistration.class);
        AgendaNotes notes = context.getBean(AgendaNotes.class);
        MeetingActions actions = context.getBean(MeetingActions.class);
        List<Long> items = new ArrayList<>();
        for (long pupil : pupils) {
            items.add(registration.register(chair, meetingId, AgendaRegistration.Registration.of(pupil)).item().id());
        }
        for (int i = 0; i < 10; i++) {
            notes.addNote(chair, items.get(i), "Notitie " + i, null);
            actions.addAction(chair, items.get(i), "Afspraak " + i, chair.userId(), LocalDate.now(clock).plusDays(14), MeetingAction.Kind.GENERAL);
        }
        return meetingId;
    }

    /** Times the work: the first run, then {@value WARM_UP} warm-up runs, then {@value RUNS} runs for p50 and p95. */
    private static <T> void time(String name, int goalMillis, ToIntFunction<T> size, Supplier<T> work) {
        if (ONLY != null && !java.util.regex.Pattern.compile(ONLY).matcher(name).find()) {
            return;
        }
        long start = System.nanoTime();
        T result = work.get();
        long first = System.nanoTime() - start;
        // a read slower than 2 s is timed 5 times after 1 warm-up (the bench must stay bounded); the row says so
        boolean slow = first > 2_000_000_000L;
        for (int i = 0; i < (slow ? 1 : WARM_UP); i++) {
            work.get();
        }
        int count = slow ? 5 : RUNS;
        long[] runs = new long[count];
        for (int i = 0; i < count; i++) {
            start = System.nanoTime();
            work.get();
            runs[i] = System.nanoTime() - start;
        }
        Arrays.sort(runs);
        long p50 = count % 2 == 0 ? (runs[count / 2 - 1] + runs[count / 2]) / 2 : runs[count / 2];
        long p95 = runs[(int) Math.ceil(count * 0.95) - 1];
        row(slow ? name + " (5 runs only)" : name, size.applyAsInt(result), first, p50, p95, goalMillis);
    }

    private static void row(String name, int size, long first, long p50, long p95, int goalMillis) {
        String line = "| %s | %s | %.1f ms | %.1f ms | %.1f ms | %s | %s |".formatted(name, size < 0 ? "" : String.format("%,d", size),
                first / 1e6, p50 / 1e6, p95 / 1e6, goalMillis == 0 ? "reference" : "< " + goalMillis + " ms",
                goalMillis == 0 ? "" : "%.2f".formatted(p95 / 1e6 / goalMillis));
        ROWS.add(line);
        System.out.println(line);
    }

    private static long count(TransactionOperations<Connection> tx, String sql) {
        return tx.executeRead(status -> BenchRegion.ids(status.getConnection(), sql)).getFirst();
    }
}
