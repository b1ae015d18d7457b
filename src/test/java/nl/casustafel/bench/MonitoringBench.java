package nl.casustafel.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import nl.casustafel.absence.AbsenceImported;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.covenant.Role;
import nl.casustafel.monitoring.MunicipalityDashboard;
import nl.casustafel.monitoring.RegionDashboard;
import nl.casustafel.monitoring.SchoolDashboard;
import nl.casustafel.platform.RuntimeProperties;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Monitoring at region scale (not a test; run by bench/monitoring/run.sh): 100 schools in 10 municipalities,
 * 100,000 pupils and 10,000,000 absence records loaded with COPY into a throw-away database, the summaries filled as
 * the import's completion point fills them, then each dashboard timed (first answer and best of 5) against two
 * physical limits measured in the same run: the COPY of the rows and a plain sequential scan of them.
 * Arguments: pupils (default 100000) and records per pupil (default 100).
 */
public final class MonitoringBench {

    private static final int SCHOOLS = 100;
    private static final int MUNICIPALITIES = 10;

    public static void main(String[] args) throws Exception {
        int pupils = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perPupil = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        long rows = (long) pupils * perPupil;
        Map<String, Object> properties = new HashMap<>(RuntimeProperties.forTests());
        properties.put("casustafel.demo.load", "true");
        properties.put("micronaut.server.port", -1);
        properties.put("casustafel.ui.enabled", false);
        properties.put("casustafel.http.port", 0);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            JdbcOperations jdbc = context.getBean(JdbcOperations.class);
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> tx = context.getBean(TransactionOperations.class);
            Viewer swv = context.getBean(AccountService.class).viewer("swv.coordinator").orElseThrow();
            long t0 = System.nanoTime();
            tx.executeWrite(status -> {
                BenchRegion.setUp(status.getConnection(), swv, pupils, SCHOOLS, MUNICIPALITIES, 0);
                return null;
            });
            System.out.printf("set-up (schools, %,d pupils, identities, tables, DUO reports): %.1f s%n", pupils, (System.nanoTime() - t0) / 1e9);
            List<Long> schools = tx.executeRead(status -> BenchRegion.ids(status.getConnection(), "SELECT id FROM school WHERE brin LIKE '6%' ORDER BY id"));
            long copyNanos = tx.executeWrite(status -> BenchRegion.copy(status.getConnection(), pupils, perPupil));
            BenchRegion.analyze(tx);
            long scanNanos = BenchRegion.best(3, () -> tx.executeRead(status -> BenchRegion.ids(status.getConnection(),
                    "SELECT count(*) FROM absence_record WHERE hours >= 0")));
            @SuppressWarnings("unchecked")
            ApplicationEventPublisher<AbsenceImported> events = context.getBean(ApplicationEventPublisher.class);
            long start = System.nanoTime();
            tx.executeWrite(status -> {
                events.publishEvent(new AbsenceImported(new HashSet<>(schools), LocalDate.of(2025, 8, 1), LocalDate.of(2026, 7, 31)));
                return null;
            });
            long fillNanos = System.nanoTime() - start;
            long oneSchoolNanos = BenchRegion.best(3, () -> tx.executeWrite(status -> {
                events.publishEvent(new AbsenceImported(Set.of(schools.getFirst()), LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 28)));
                return 0L;
            }));
            BenchRegion.analyze(tx);
            long direct = BenchRegion.best(3, () -> tx.executeRead(status -> BenchRegion.ids(status.getConnection(), """
                    SELECT count(DISTINCT pupil_id) FROM absence_record
                     WHERE school_id = %d AND absence_date BETWEEN DATE '2025-08-01' AND DATE '2026-07-31'
                     GROUP BY date_trunc('month', absence_date), kind""".formatted(schools.getFirst()))));
            Viewer zorg = new Viewer(swv.userId(), "bench", "Bench", Role.CARE_COORDINATOR, swv.partyId(), "Bench", PartyType.SCHOOL_BOARD,
                    Set.of(schools.getFirst()), Set.of());
            long municipality = tx.executeRead(status -> BenchRegion.ids(status.getConnection(), "SELECT id FROM municipality WHERE code = 'GM8000'")).getFirst();
            Viewer officer = new Viewer(swv.userId(), "bench", "Bench", Role.ATTENDANCE_OFFICER, swv.partyId(), "Bench", PartyType.MUNICIPALITY,
                    Set.of(), Set.of(municipality));
            SchoolDashboard school = context.getBean(SchoolDashboard.class);
            RegionDashboard region = context.getBean(RegionDashboard.class);
            MunicipalityDashboard gemeente = context.getBean(MunicipalityDashboard.class);
            long[] schoolTimes = times(() -> school.figures(zorg, null, 2025));
            long[] regionTimes = times(() -> region.figures(swv, 2025, null));
            long[] municipalityTimes = times(() -> gemeente.figures(officer, null, 2025));
            System.out.printf("cores: %d; %,d pupils, %,d absence records in %d schools%n", Runtime.getRuntime().availableProcessors(), pupils, rows, SCHOOLS);
            System.out.printf("COPY of the records (physical limit, load):  %7.2f s (%,.0f rows/s)%n", copyNanos / 1e9, rows / (copyNanos / 1e9));
            System.out.printf("sequential scan of the records (best of 3):  %7.3f s%n", scanNanos / 1e9);
            System.out.printf("summary fill, all schools, one school year:  %7.2f s = %.2f x COPY%n", fillNanos / 1e9, fillNanos / (double) copyNanos);
            System.out.printf("summary refresh, one school, one month:      %7.3f s%n", oneSchoolNanos / 1e9);
            System.out.printf("one school's month x kind from the records:  %7.3f s (what the summary saves)%n", direct / 1e9);
            report("school dashboard", schoolTimes, scanNanos);
            report("region dashboard", regionTimes, scanNanos);
            report("municipality dashboard", municipalityTimes, scanNanos);
        }
        System.exit(0);
    }

    private static void report(String name, long[] times, long scanNanos) {
        System.out.printf("%-24s first %6.3f s, best of 5 %6.3f s  (goal 1 s: %.0f x under; %.3f x a sequential scan)%n", name + ":",
                times[0] / 1e9, times[1] / 1e9, 1e9 / times[1], times[1] / (double) scanNanos);
    }

    /** First run and best of five. */
    private static long[] times(Supplier<?> work) {
        long first = 0;
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            work.get();
            long took = System.nanoTime() - start;
            if (run == 0) {
                first = took;
            }
            best = Math.min(best, took);
        }
        return new long[]{first, best};
    }
}
