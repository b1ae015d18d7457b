package nl.casustafel.monitoring;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.absence.TestSql;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.privacy.FigureTable;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.privacy.SmallNumbers;
import nl.casustafel.privacy.SmallNumbersTest;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three dashboards on a small region with known counts ({@link MonitoringFixtures}), the small-number rule on
 * them, who may see which dashboard (API, demo accounts), the click-through and the exports.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringApiTest implements CasustafelTestProperties {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    JsonMapper json;
    @Inject
    MonitoringFixtures fixtures;
    @Inject
    SchoolDashboard school;
    @Inject
    RegionDashboard region;
    @Inject
    MunicipalityDashboard municipality;
    @Inject
    AccountService accounts;
    @Inject
    TestSql sql;
    private ApiClient api;
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** One sign-in per account: the sign-in throttle slows repeated ones. */
    private String token(String username) {
        return tokens.computeIfAbsent(username, u -> api.token(u));
    }

    @BeforeAll
    void setUp() {
        api = new ApiClient(http.toBlocking(), json);
        fixtures.create();
    }

    @AfterAll
    void tearDown() {
        fixtures.remove();
    }

    @Test
    void theSchoolSeesItsAbsencePerMonthWithSmallCountsWithheld() {
        SchoolDashboard.Figures figures = school.figures(fixtures.careCoordinatorOfA(), null, 2025);
        FigureTable months = figures.absenceByMonth();
        assertEquals("7", months.cell("2025-09", "UNAUTHORISED").text());
        assertEquals("6", months.cell("2025-09", "LATE").text(), "a pupil late twice in a month counts once");
        assertEquals("< 5", months.cell("2025-09", "SICK").text());
        assertEquals("5", months.cell("2025-10", "UNAUTHORISED").text());
        assertEquals("0", months.cell("2026-07", "UNAUTHORISED").text());
        assertEquals("12", months.cell(SmallNumbers.TOTAL, "UNAUTHORISED").text());
        assertTrue(months.cell(SmallNumbers.TOTAL, "SICK").suppressed(), "the sick total is the 2 of September");
        assertEquals("0", figures.absenceByMonthLastYear().cell("2024-09", "UNAUTHORISED").text());
        SmallNumbersTest.assertNoLineWithOneWithheld(months);
    }

    @Test
    void theSchoolSeesItsAbsencePerClassYearProtectedWithItsTotals() {
        FigureTable classYears = school.figures(fixtures.careCoordinatorOfA(), null, 2025).absenceByClassYear();
        assertEquals("< 5", classYears.cell("2", "SICK").text());
        assertEquals("< 5", classYears.cell("3", "UNAUTHORISED").text());
        assertEquals("0", classYears.cell("5", "LATE").text());
        SmallNumbersTest.assertNoLineWithOneWithheld(classYears);
        // 6 unauthorised in class year 2 would give back class year 3's 1 from the column total 7
        assertTrue(classYears.cell("2", "UNAUTHORISED").suppressed() || classYears.cell(SmallNumbers.TOTAL, "UNAUTHORISED").suppressed());
    }

    @Test
    void theSchoolSeesItsDuoReportsAndPupilsOnTables() {
        SchoolDashboard.Figures figures = school.figures(fixtures.careCoordinatorOfA(), null, 2025);
        assertEquals("< 5", figures.duoReports().cell("LUXURY", "PUPILS").text());
        assertEquals("x", figures.duoReports().cell("RELATIVE_16H", "PUPILS").text(), "5 would give back the 1 from the total 6");
        assertEquals("6", figures.duoReports().cell(SmallNumbers.TOTAL, "PUPILS").text());
        assertEquals("< 5", figures.pupilsOnTables().cell("THUISZITTERSTAFEL", "PUPILS").text());
        assertEquals("0", figures.pupilsOnTables().cell("SOT", "PUPILS").text());
    }

    @Test
    void theSummaryFollowsTheDemoImportRecordForRecord() {
        // the demo's absence came in through the import: its completion point filled the summary
        long[] counts = sql.query("""
                SELECT (SELECT coalesce(sum(records), 0) FROM monitoring_absence_month m JOIN school s ON s.id = m.school_id WHERE s.brin = '02CD'),
                       (SELECT count(*) FROM absence_record r JOIN school s ON s.id = r.school_id WHERE s.brin = '02CD')""", s -> {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[]{rs.getLong(1), rs.getLong(2)};
            }
        });
        assertTrue(counts[1] > 0, "the demo has absence at 02CD");
        assertEquals(counts[1], counts[0]);
    }

    @Test
    void theRegionSeesThuiszittersPerSchoolAndMunicipalityProtectedTogether() {
        RegionDashboard.Figures figures = region.figures(fixtures.partnershipCoordinator(), 2025, null);
        FigureTable schools = figures.thuiszittersBySchool();
        assertEquals("< 5", schools.cell(String.valueOf(fixtures.schoolA), "COUNT").text());
        assertEquals("x", schools.cell(String.valueOf(fixtures.schoolB), "COUNT").text(), "Telmeer's 12 minus 10 would give back the 2");
        assertEquals("6", schools.cell(String.valueOf(fixtures.schoolC), "COUNT").text());
        assertEquals("18", schools.cell(SmallNumbers.TOTAL, "COUNT").text());
        assertEquals("12", figures.thuiszittersByMunicipality().cell(String.valueOf(fixtures.telmeer), "COUNT").text());
        assertEquals("18", figures.duration().cell("M12", "COUNT").text());
        assertEquals("18", figures.registeredPerMonth().cell("2025-10", "COUNT").text());
        assertEquals("< 5", figures.outcomes().cell("ATTENDED_ONE_YEAR", "COUNT").text());
        assertEquals("18", figures.throughput().cell("THUISZITTERSTAFEL", "REGISTERED").text());
        assertEquals("x", figures.throughput().cell("THUISZITTERSTAFEL", "MEDIAN_DAYS").text(), "a median of one case is that case");
    }

    @Test
    void filteringOnAMunicipalityShowsTheSameCellsSoTwoFiltersCannotBeSubtracted() {
        Viewer swv = fixtures.partnershipCoordinator();
        FigureTable all = region.figures(swv, 2025, null).thuiszittersBySchool();
        FigureTable telmeer = region.figures(swv, 2025, fixtures.telmeer).thuiszittersBySchool();
        FigureTable proefdam = region.figures(swv, 2025, fixtures.proefdam).thuiszittersBySchool();
        assertEquals(Set.of(String.valueOf(fixtures.schoolA), String.valueOf(fixtures.schoolB), SmallNumbers.TOTAL), keys(telmeer));
        for (FigureTable filtered : List.of(telmeer, proefdam)) {
            for (FigureTable.Row row : filtered.rows()) {
                assertEquals(all.cell(row.key(), "COUNT"), row.cells().getFirst(), "a filter never recounts: " + row.label());
            }
        }
        // the region total minus Proefdam's shown school is 12, which the municipality table shows anyway: the two
        // Telmeer schools stay withheld together
        assertTrue(telmeer.cell(String.valueOf(fixtures.schoolA), "COUNT").suppressed());
        assertTrue(telmeer.cell(String.valueOf(fixtures.schoolB), "COUNT").suppressed());
        assertThrows(NotFoundException.class, () -> region.figures(swv, 2025, 999_999L));
    }

    @Test
    void theMunicipalitySeesDuoReportsAndBuitenleerlingenOfItsOwnResidents() {
        MunicipalityDashboard.Figures figures = municipality.figures(fixtures.attendanceOfficerOfTelmeer(), null, 2025);
        assertEquals("Telmeer", figures.municipality());
        assertEquals("< 5", figures.duoReports().cell("LUXURY", "2025").text());
        assertEquals("x", figures.duoReports().cell("RELATIVE_16H", "2025").text());
        assertEquals("6", figures.duoReports().cell(SmallNumbers.TOTAL, "2025").text());
        assertEquals("0", figures.duoReports().cell("ABSOLUTE", "2025").text());
        FigureTable cross = figures.crossBorder();
        String own = String.valueOf(fixtures.telmeer);
        String other = String.valueOf(fixtures.proefdam);
        assertEquals("16", cross.cell(own, "LIVES_HERE").text(), "6 at school A and 10 at school B live and go to school in Telmeer");
        assertEquals("7", cross.cell(other, "LIVES_HERE").text(), "c1..c7 live in Telmeer and go to school in Proefdam");
        assertEquals("< 5", cross.cell(other, "SCHOOL_HERE").text(), "a7..a9 live in Proefdam");
        assertEquals("x", cross.cell(own, "SCHOOL_HERE").text());
        assertEquals("23", cross.cell(SmallNumbers.TOTAL, "LIVES_HERE").text());
    }

    @Test
    void aMunicipalityTheOfficerIsNotSwornForIsNotFound() {
        assertThrows(NotFoundException.class, () -> municipality.figures(fixtures.attendanceOfficerOfTelmeer(), fixtures.proefdam, 2025));
    }

    @Test
    void theClickThroughListsThePupilsBehindAFigureByNameOnlyAtTheOwnSchool() {
        List<PupilView> sick = school.pupilsBehind(fixtures.careCoordinatorOfA(), fixtures.schoolA, 2025, "2025-09", "SICK", null);
        assertEquals(Set.of(fixtures.pupilsA.get(0), fixtures.pupilsA.get(1)), new HashSet<>(sick.stream().map(PupilView::pupilId).toList()));
        assertTrue(sick.stream().allMatch(p -> p.name() != null && p.name().startsWith("Telma")));
        List<PupilView> classYear3 = school.pupilsBehind(fixtures.careCoordinatorOfA(), null, 2025, null, "UNAUTHORISED", 3);
        assertEquals(List.of(fixtures.pupilsA.get(6)), classYear3.stream().map(PupilView::pupilId).toList());
        Viewer zorg = accounts.viewer("zorg.dijkstad").orElseThrow();
        assertThrows(NotFoundException.class, () -> school.pupilsBehind(zorg, fixtures.schoolA, 2025, "2025-09", "SICK", null),
                "a care coordinator of another school does not learn the school exists");
        assertThrows(InvalidInputException.class, () -> school.pupilsBehind(fixtures.careCoordinatorOfA(), null, 2025, "2025-9", "SICK", null));
        assertThrows(InvalidInputException.class, () -> school.pupilsBehind(fixtures.careCoordinatorOfA(), null, 2025, null, "LEAVE", null));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "zorg.dijkstad, /api/monitoring/school, 200",
            "zorg.dijkstad, /api/monitoring/region, 403",
            "zorg.dijkstad, /api/monitoring/municipality, 403",
            "leerplicht.dijkstad, /api/monitoring/school, 403",
            "leerplicht.dijkstad, /api/monitoring/school/pupils?kind=SICK, 403",
            "leerplicht.dijkstad, /api/monitoring/municipality, 200",
            "swv.coordinator, /api/monitoring/region, 200",
            "swv.coordinator, /api/monitoring/school/pupils?kind=SICK, 403",
            "swv.orthopedagoog, /api/monitoring/region, 403",
            "jgz.arts, /api/monitoring/municipality, 403",
            "fg, /api/monitoring/school, 403",
            "zorg.dijkstad, /api/monitoring/school?schoolYear=1999, 400",
            "zorg.dijkstad, /api/monitoring/school/export?format=pdf, 400",
    })
    void eachDashboardIsForItsRoleOnly(String username, String uri, int status) {
        assertEquals(status, api.status(token(username), uri));
    }

    @Test
    void anotherSchoolOrMunicipalityIsNotFoundLikeOneThatDoesNotExist() {
        String zorg = token("zorg.dijkstad");
        String lp = token("leerplicht.dijkstad");
        long otherSchool = fixtures.schoolA;
        api.call(HttpRequest.GET("/api/monitoring/school?school=" + otherSchool), zorg).assertProblem(404, null);
        api.call(HttpRequest.GET("/api/monitoring/school?school=999999"), zorg).assertProblem(404, null);
        assertEquals(api.call(HttpRequest.GET("/api/monitoring/school?school=999999"), zorg).raw(),
                api.call(HttpRequest.GET("/api/monitoring/school?school=" + otherSchool), zorg).raw());
        assertEquals(api.call(HttpRequest.GET("/api/monitoring/municipality?municipality=999999"), lp).raw(),
                api.call(HttpRequest.GET("/api/monitoring/municipality?municipality=" + fixtures.telmeer), lp).raw());
        assertEquals(404, api.status(zorg, "/api/monitoring/school/pupils?kind=SICK&school=" + otherSchool));
        assertEquals(401, api.status(null, "/api/monitoring/school"));
    }

    @Test
    void theApiShowsAWithheldCellAsLessThanFiveWithoutItsValue() {
        ApiClient.Answer answer = api.call(HttpRequest.GET("/api/monitoring/region"), token("swv.coordinator"));
        assertEquals(200, answer.status());
        Map<String, Object> body = answer.map();
        assertTrue(body.containsKey("thuiszittersBySchool"), answer.raw());
        assertFalse(answer.raw().contains("\"pupilId\""), "the region names no pupil");
        assertFalse(answer.raw().contains("\"name\""), "the region names no pupil");
    }

    @Test
    void theXlsxExportHasTheScreensCellsIncludingLessThanFive() throws IOException {
        MonitoringExport export = new MonitoringExport();
        SchoolDashboard.Figures figures = school.figures(fixtures.careCoordinatorOfA(), null, 2025);
        MonitoringExport.File file = export.xlsx("monitoring-school-2025", figures.tables());
        assertEquals("monitoring-school-2025.xlsx", file.fileName());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            Sheet months = book.getSheet("absenceByMonth");
            assertEquals(figures.absenceByMonth().title(), months.getRow(0).getCell(0).getStringCellValue());
            assertEquals("Ongeoorloofd", months.getRow(1).getCell(1).getStringCellValue());
            assertEquals("september 2025", months.getRow(3).getCell(0).getStringCellValue());
            assertEquals(7.0, months.getRow(3).getCell(1).getNumericCellValue());
            assertEquals("< 5", months.getRow(3).getCell(2).getStringCellValue());
            Sheet duo = book.getSheet("duoReports");
            assertTrue(duo.getRow(2).getCell(0).getStringCellValue().startsWith("Relatief"));
            assertEquals("x", duo.getRow(2).getCell(1).getStringCellValue());
        }
        String csv = new String(export.csv("m", figures.tables()).content(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("september 2025;7;< 5;6"), csv);
    }

    @Test
    void theExportEndpointsServeCsvAndXlsx() {
        ApiClient.Answer csv = api.call(HttpRequest.GET("/api/monitoring/municipality/export?format=csv"), token("leerplicht.dijkstad"));
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertEquals(200, api.status(token("swv.coordinator"), "/api/monitoring/region/export?format=xlsx"));
    }

    private static Set<String> keys(FigureTable table) {
        Set<String> keys = new HashSet<>();
        table.rows().forEach(r -> keys.add(r.key()));
        return keys;
    }
}
