package nl.casustafel.monitoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.covenant.Municipalities;
import nl.casustafel.covenant.Municipality;
import nl.casustafel.covenant.Role;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.privacy.FigureTable;
import nl.casustafel.privacy.FigureTable.Heading;
import nl.casustafel.privacy.ResidenceFigures;
import nl.casustafel.privacy.SmallNumbers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The municipality's dashboard for its attendance officer (leerplichtambtenaar), for a municipality the officer is
 * sworn for: DUO reports of pupils living there, per kind (absolute absence is the kind ABSOLUTE) over three school
 * years, and buitenleerlingen (pupils living there going to school elsewhere, and the reverse) — the figures of the
 * yearly leerplicht report. Counts come from the privacy kernel (residence is identity) and leave through
 * {@link SmallNumbers}.
 */
@Singleton
public class MunicipalityDashboard {

    private final ResidenceFigures residence;
    private final SmallNumbers smallNumbers;
    private final CovenantRules covenant;
    private final Municipalities municipalities;
    private final Clock clock;

    MunicipalityDashboard(ResidenceFigures residence, SmallNumbers smallNumbers, CovenantRules covenant, Municipalities municipalities,
                          Clock clock) {
        this.residence = residence;
        this.smallNumbers = smallNumbers;
        this.covenant = covenant;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @Serdeable
    public record Figures(long municipalityId, String municipality, List<Heading> municipalities, int schoolYear, String schoolYearLabel,
                          FigureTable duoReports, FigureTable crossBorder) {

        public List<FigureTable> tables() {
            return List.of(duoReports, crossBorder);
        }
    }

    /** The municipalities the viewer is sworn for, by name; none for anyone but an attendance officer. */
    public List<Heading> municipalitiesOf(Viewer viewer) {
        if (viewer.role() != Role.ATTENDANCE_OFFICER) {
            return List.of();
        }
        return viewer.swornMunicipalityIds().stream().map(municipalities::findById).flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(Municipality::name))
                .map(m -> new Heading(String.valueOf(m.id()), m.name())).toList();
    }

    @Transactional
    public Figures figures(Viewer viewer, @Nullable Long municipalityId, @Nullable Integer schoolYear) {
        List<Heading> own = municipalitiesOf(viewer);
        if (own.isEmpty()) {
            throw new NotFoundException();
        }
        Heading municipality = municipalityId == null ? own.getFirst()
                : own.stream().filter(h -> h.key().equals(String.valueOf(municipalityId))).findFirst().orElseThrow(NotFoundException::new);
        long id = Long.parseLong(municipality.key());
        LocalDate today = LocalDate.now(clock);
        SchoolYear year = SchoolDashboard.year(schoolYear, SchoolYear.of(today));
        List<Heading> kinds = Labels.of(covenant.duoReportKinds());
        List<Heading> years = List.of(yearHeading(year.previous().previous()), yearHeading(year.previous()), yearHeading(year));
        long[][] duo = new long[kinds.size()][years.size()];
        for (ResidenceFigures.DuoCount c : residence.duoReports(id, year.start() - 2, year.start())) {
            int r = Grid.index(kinds, c.kind());
            int col = Grid.index(years, String.valueOf(c.schoolYear()));
            if (r >= 0 && col >= 0) {
                duo[r][col] += c.pupils();
            }
        }
        FigureTable duoTable = smallNumbers.table("duoReports", "Leerlingen met een DUO-verzuimmelding, wonend in " + municipality.label(),
                kinds, years, duo, SmallNumbers.Totals.COLUMNS);
        return new Figures(id, municipality.label(), own, year.start(), year.label(), duoTable, crossBorder(id, today));
    }

    /** Per municipality (the own first): pupils living here at a school there, and pupils at a school here living there;
     * the own row counts those who live and go to school here in both columns. */
    private FigureTable crossBorder(long id, LocalDate today) {
        List<ResidenceFigures.CrossCount> counts = residence.crossBorder(id, today);
        List<Long> others = counts.stream().map(c -> c.residenceMunicipalityId() == id ? c.schoolMunicipalityId() : c.residenceMunicipalityId())
                .distinct().toList();
        List<Heading> rows = new ArrayList<>();
        rows.add(new Heading(String.valueOf(id), municipalities.findById(id).map(Municipality::name).orElse("") + " (eigen gemeente)"));
        others.stream().filter(o -> o != id).map(municipalities::findById).flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(Municipality::name))
                .forEach(m -> rows.add(new Heading(String.valueOf(m.id()), m.name())));
        List<Heading> columns = List.of(new Heading("LIVES_HERE", "Wonen hier, op school in"),
                new Heading("SCHOOL_HERE", "Op school hier, wonen in"));
        long[][] grid = new long[rows.size()][2];
        for (ResidenceFigures.CrossCount c : counts) {
            if (c.residenceMunicipalityId() == id && c.schoolMunicipalityId() == id) {
                grid[0][0] += c.pupils();
                grid[0][1] += c.pupils();
            } else if (c.residenceMunicipalityId() == id) {
                grid[Grid.index(rows, String.valueOf(c.schoolMunicipalityId()))][0] += c.pupils();
            } else {
                grid[Grid.index(rows, String.valueOf(c.residenceMunicipalityId()))][1] += c.pupils();
            }
        }
        return smallNumbers.table("crossBorder", "Buitenleerlingen: ingeschreven leerlingen naar woon- en schoolgemeente", rows, columns, grid,
                SmallNumbers.Totals.COLUMNS);
    }

    private static Heading yearHeading(SchoolYear year) {
        return new Heading(String.valueOf(year.start()), year.label());
    }
}
