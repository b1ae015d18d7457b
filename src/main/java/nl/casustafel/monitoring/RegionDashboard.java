package nl.casustafel.monitoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.Role;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.privacy.FigureTable;
import nl.casustafel.privacy.FigureTable.Heading;
import nl.casustafel.privacy.SmallNumbers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The samenwerkingsverband's dashboard for its coordinator: thuiszitters in the region now (per school, per
 * municipality of the school, by duration) and registered per month, the outcomes of closed cases and the throughput
 * of the three kinds of table. Aggregates only, every cell through {@link SmallNumbers}; it names no pupil.
 */
@Singleton
public class RegionDashboard {

    private final MonitoringQueries queries;
    private final SmallNumbers smallNumbers;
    private final Clock clock;

    RegionDashboard(MonitoringQueries queries, SmallNumbers smallNumbers, Clock clock) {
        this.queries = queries;
        this.smallNumbers = smallNumbers;
        this.clock = clock;
    }

    @Serdeable
    public record Figures(int schoolYear, String schoolYearLabel, @Nullable Long municipality, List<Heading> municipalities,
                          FigureTable thuiszittersBySchool, FigureTable thuiszittersByMunicipality, FigureTable duration,
                          FigureTable registeredPerMonth, FigureTable outcomes, FigureTable throughput) {

        public List<FigureTable> tables() {
            return List.of(thuiszittersBySchool, thuiszittersByMunicipality, duration, registeredPerMonth, outcomes, throughput);
        }
    }

    public SchoolYear currentYear() {
        return SchoolYear.of(LocalDate.now(clock));
    }

    /**
     * The figures of the viewer's samenwerkingsverband. {@code municipality} only leaves out the schools of other
     * municipalities from the per-school table: the table is protected whole, so the filtered view shows the very
     * cells of the unfiltered one. A municipality with no school in the region is not found.
     */
    @Transactional
    public Figures figures(Viewer viewer, @Nullable Integer schoolYear, @Nullable Long municipality) {
        if (viewer.role() != Role.PARTNERSHIP_COORDINATOR) {
            throw new NotFoundException();
        }
        long partnership = viewer.partyId();
        LocalDate today = LocalDate.now(clock);
        SchoolYear year = SchoolDashboard.year(schoolYear, currentYear());
        List<MonitoringQueries.Count> now = queries.thuiszittersNow(partnership, today);
        Set<Long> schoolIds = new LinkedHashSet<>();
        queries.schoolsOfPartnership(partnership).forEach(s -> schoolIds.add(s.id()));
        now.forEach(c -> schoolIds.add(Long.parseLong(c.a())));
        List<MonitoringQueries.SchoolRow> schools = queries.schoolsWithIds(schoolIds);
        Map<String, Heading> municipalities = new LinkedHashMap<>();
        schools.stream().sorted(java.util.Comparator.comparing(MonitoringQueries.SchoolRow::municipality))
                .forEach(s -> municipalities.putIfAbsent(String.valueOf(s.municipalityId()), new Heading(String.valueOf(s.municipalityId()), s.municipality())));
        if (municipality != null && !municipalities.containsKey(String.valueOf(municipality))) {
            throw new NotFoundException();
        }
        List<Heading> schoolHeadings = new ArrayList<>();
        List<String> groupOf = new ArrayList<>();
        long[] perSchool = new long[schools.size()];
        for (int i = 0; i < schools.size(); i++) {
            MonitoringQueries.SchoolRow s = schools.get(i);
            schoolHeadings.add(new Heading(String.valueOf(s.id()), s.name()));
            groupOf.add(String.valueOf(s.municipalityId()));
            for (MonitoringQueries.Count c : now) {
                if (c.a().equals(String.valueOf(s.id()))) {
                    perSchool[i] += c.n();
                }
            }
        }
        List<FigureTable> grouped = smallNumbers.grouped("thuiszittersBySchool", "Thuiszitters nu, per school",
                "thuiszittersByMunicipality", "Thuiszitters nu, per gemeente van de school", "Thuiszitters",
                schoolHeadings, groupOf, new ArrayList<>(municipalities.values()), perSchool);
        FigureTable bySchool = grouped.get(0);
        if (municipality != null) {
            Set<String> inMunicipality = new java.util.HashSet<>();
            for (int i = 0; i < schools.size(); i++) {
                if (groupOf.get(i).equals(String.valueOf(municipality))) {
                    inMunicipality.add(schoolHeadings.get(i).key());
                }
            }
            bySchool = bySchool.onlyRows(r -> inMunicipality.contains(r.key()));
        }
        FigureTable duration = smallNumbers.table("duration", "Thuiszitters nu, naar duur sinds aanmelding", Labels.DURATIONS,
                List.of(new Heading("COUNT", "Thuiszitters")),
                Grid.of(Labels.DURATIONS, List.of(new Heading("COUNT", "")), now, MonitoringQueries.Count::b, c -> "COUNT"),
                SmallNumbers.Totals.COLUMNS);
        List<Heading> months = Labels.months(year);
        LocalDate until = year.last().plusDays(1);
        FigureTable registered = smallNumbers.table("registeredPerMonth", "Nieuw aangemelde thuiszitters per maand, " + year.label(),
                months, List.of(new Heading("COUNT", "Aangemeld")),
                Grid.of(months, List.of(new Heading("COUNT", "")), queries.thuiszittersRegistered(partnership, year.first(), until),
                        MonitoringQueries.Count::a, c -> "COUNT"), SmallNumbers.Totals.COLUMNS);
        FigureTable outcomes = smallNumbers.table("outcomes", "Uitkomst van gesloten thuiszittersdossiers, " + year.label(),
                Labels.CLOSING_REASONS, List.of(new Heading("COUNT", "Dossiers")),
                Grid.of(Labels.CLOSING_REASONS, List.of(new Heading("COUNT", "")), queries.thuiszitterOutcomes(partnership, year.first(), until),
                        MonitoringQueries.Count::a, c -> "COUNT"), SmallNumbers.Totals.COLUMNS);
        return new Figures(year.start(), year.label(), municipality, new ArrayList<>(municipalities.values()), bySchool, grouped.get(1),
                duration, registered, outcomes, throughput(partnership, year));
    }

    /** Registered and closed per kind of table (protected with their column totals), and the median days where enough closed. */
    private FigureTable throughput(long partnership, SchoolYear year) {
        List<MonitoringQueries.Count> counts = queries.throughput(partnership, year.first(), year.last().plusDays(1));
        List<Heading> columns = List.of(new Heading("REGISTERED", "Aangemeld"), new Heading("CLOSED", "Gesloten"));
        FigureTable table = smallNumbers.table("throughput", "Doorstroom per soort overleg, " + year.label(), Labels.TABLE_TYPES, columns,
                Grid.of(Labels.TABLE_TYPES, columns, counts, MonitoringQueries.Count::a, MonitoringQueries.Count::b),
                SmallNumbers.Totals.COLUMNS);
        List<Heading> headings = new ArrayList<>(table.columns());
        headings.add(new Heading("MEDIAN_DAYS", "Mediaan dagen tot sluiten"));
        List<FigureTable.Row> rows = new ArrayList<>();
        for (FigureTable.Row row : table.rows()) {
            List<FigureTable.Cell> cells = new ArrayList<>(row.cells());
            if (row.total()) {
                cells.add(new FigureTable.Cell(null, "", false));
            } else {
                long closed = counts.stream().filter(c -> c.a().equals(row.key()) && c.b().equals("CLOSED")).mapToLong(MonitoringQueries.Count::n).sum();
                long median = counts.stream().filter(c -> c.a().equals(row.key()) && c.b().equals("MEDIAN_DAYS")).mapToLong(MonitoringQueries.Count::n).sum();
                cells.add(closed == 0 ? new FigureTable.Cell(null, "", false) : smallNumbers.statistic(median, closed));
            }
            rows.add(new FigureTable.Row(row.key(), row.label(), row.total(), cells));
        }
        return new FigureTable(table.id(), table.title(), headings, rows);
    }
}
