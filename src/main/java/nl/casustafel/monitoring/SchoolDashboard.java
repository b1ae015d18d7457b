package nl.casustafel.monitoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.Role;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.privacy.FigureTable;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.privacy.SmallNumbers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The school's dashboard for its care coordinator (zorgcoördinator): absence per month this school year and last,
 * per class year, DUO reports by kind and pupils on tables, of one of the viewer's own schools; and the pupils
 * behind an absence figure, only those the privacy kernel lets the viewer see by name.
 */
@Singleton
public class SchoolDashboard {

    private final MonitoringQueries queries;
    private final SmallNumbers smallNumbers;
    private final CovenantRules covenant;
    private final PupilReader pupils;
    private final Clock clock;

    SchoolDashboard(MonitoringQueries queries, SmallNumbers smallNumbers, CovenantRules covenant, PupilReader pupils, Clock clock) {
        this.queries = queries;
        this.smallNumbers = smallNumbers;
        this.covenant = covenant;
        this.pupils = pupils;
        this.clock = clock;
    }

    /** A school the viewer may choose. */
    @Serdeable
    public record SchoolOption(long id, String name) {
    }

    /** The figures, each table already through {@link SmallNumbers}. */
    @Serdeable
    public record Figures(long schoolId, String school, int schoolYear, String schoolYearLabel, List<SchoolOption> schools,
                          FigureTable absenceByMonth, FigureTable absenceByMonthLastYear, FigureTable absenceByClassYear,
                          FigureTable duoReports, FigureTable pupilsOnTables, String mazl) {

        public List<FigureTable> tables() {
            return List.of(absenceByMonth, absenceByMonthLastYear, absenceByClassYear, duoReports, pupilsOnTables);
        }
    }

    /** The viewer's own schools, by name; none for anyone but a care coordinator. */
    @Transactional
    public List<SchoolOption> schoolsOf(Viewer viewer) {
        if (viewer.role() != Role.CARE_COORDINATOR) {
            return List.of();
        }
        return queries.schoolsWithIds(viewer.schoolIds()).stream().map(s -> new SchoolOption(s.id(), s.name())).toList();
    }

    public SchoolYear currentYear() {
        return SchoolYear.of(LocalDate.now(clock));
    }

    /** The figures of one of the viewer's schools (the first when none is given); any other school is not found. */
    @Transactional
    public Figures figures(Viewer viewer, @Nullable Long schoolId, @Nullable Integer schoolYear) {
        SchoolOption school = school(viewer, schoolId);
        SchoolYear year = year(schoolYear, currentYear());
        long id = school.id();
        FigureTable thisYear = byMonth("absenceByMonth", "Leerlingen met verzuim per maand, " + year.label(), id, year);
        FigureTable lastYear = byMonth("absenceByMonthLastYear", "Leerlingen met verzuim per maand, " + year.previous().label(), id, year.previous());
        List<FigureTable.Heading> classYears = Labels.classYears();
        FigureTable byClassYear = smallNumbers.table("absenceByClassYear", "Leerlingen met verzuim per leerjaar, " + year.label(),
                classYears, Labels.ABSENCE_KINDS,
                Grid.of(classYears, Labels.ABSENCE_KINDS, queries.absenceByClassYear(id, year.start()), MonitoringQueries.Count::a,
                        MonitoringQueries.Count::b), SmallNumbers.Totals.BOTH);
        List<FigureTable.Heading> duoKinds = Labels.of(covenant.duoReportKinds());
        FigureTable duo = smallNumbers.table("duoReports", "Leerlingen met een DUO-verzuimmelding per soort, " + year.label(),
                duoKinds, List.of(Labels.PUPILS),
                Grid.of(duoKinds, List.of(Labels.PUPILS), queries.duoReportsOfSchool(id, year.first(), year.last().plusDays(1)),
                        MonitoringQueries.Count::a, c -> Labels.PUPILS.key()), SmallNumbers.Totals.COLUMNS);
        FigureTable tables = smallNumbers.table("pupilsOnTables", "Leerlingen nu aan tafel", Labels.TABLE_TYPES, List.of(Labels.PUPILS),
                Grid.of(Labels.TABLE_TYPES, List.of(Labels.PUPILS), queries.pupilsOnTables(id), MonitoringQueries.Count::a,
                        c -> Labels.PUPILS.key()), SmallNumbers.Totals.NONE);
        return new Figures(id, school.name(), year.start(), year.label(), schoolsOf(viewer), thisYear, lastYear, byClassYear, duo, tables,
                "m@zl-trajecten zijn (nog) niet vastgelegd in Casustafel en worden daarom niet geteld.");
    }

    private FigureTable byMonth(String id, String title, long schoolId, SchoolYear year) {
        List<FigureTable.Heading> months = Labels.months(year);
        return smallNumbers.table(id, title, months, Labels.ABSENCE_KINDS,
                Grid.of(months, Labels.ABSENCE_KINDS, queries.absenceByMonth(schoolId, year.first(), year.last().plusDays(1)),
                        MonitoringQueries.Count::a, MonitoringQueries.Count::b), SmallNumbers.Totals.COLUMNS);
    }

    /**
     * The pupils behind an absence figure of the school: absence of {@code kind} in {@code month} (yyyy-mm) or, when
     * no month is given, in the school year and {@code classYear}. Only the pupils the viewer sees by name, through the
     * privacy kernel (each read logged); a pupil the viewer sees under an alias or not at all is not listed.
     */
    @Transactional
    public List<PupilView> pupilsBehind(Viewer viewer, @Nullable Long schoolId, @Nullable Integer schoolYear, @Nullable String month,
                                        @Nullable String kind, @Nullable Integer classYear) {
        SchoolOption school = school(viewer, schoolId);
        if (kind == null || Labels.ABSENCE_KINDS.stream().noneMatch(h -> h.key().equals(kind))) {
            throw new InvalidInputException("kind", "Kies een soort verzuim: UNAUTHORISED, SICK of LATE.");
        }
        LocalDate from;
        LocalDate until;
        if (month != null) {
            YearMonth m = parseMonth(month);
            from = m.atDay(1);
            until = m.plusMonths(1).atDay(1);
        } else {
            SchoolYear year = year(schoolYear, currentYear());
            from = year.first();
            until = year.last().plusDays(1);
        }
        if (classYear != null && (classYear < 1 || classYear > 8)) {
            throw new InvalidInputException("classYear", "Kies een leerjaar van 1 tot en met 8.");
        }
        List<Long> ids = queries.absencePupils(school.id(), from, until, kind, classYear);
        return pupils.read(viewer, ids, null, "Monitoring: leerlingen achter een cijfer").stream()
                .filter(p -> p.name() != null).toList();
    }

    private SchoolOption school(Viewer viewer, @Nullable Long schoolId) {
        List<SchoolOption> own = schoolsOf(viewer);
        if (own.isEmpty()) {
            throw new NotFoundException();
        }
        if (schoolId == null) {
            return own.getFirst();
        }
        return own.stream().filter(s -> s.id() == schoolId).findFirst().orElseThrow(NotFoundException::new);
    }

    static SchoolYear year(@Nullable Integer start, SchoolYear current) {
        if (start == null) {
            return current;
        }
        if (start < 2000 || start > current.start() + 1) {
            throw new InvalidInputException("schoolYear", "Kies een schooljaar van 2000 tot en met " + (current.start() + 1)
                    + " (het jaar waarin het schooljaar begint).");
        }
        return new SchoolYear(start);
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("month", "Geef de maand als jjjj-mm, bijvoorbeeld 2025-09.");
        }
    }
}
