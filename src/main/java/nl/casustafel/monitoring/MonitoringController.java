package nl.casustafel.monitoring;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import nl.casustafel.account.Viewers;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.FigureTable;
import nl.casustafel.privacy.PupilView;

import java.util.List;

/**
 * The monitoring dashboards as figures: one per role, each for the viewer's own schools, samenwerkingsverband or
 * municipalities only. Every cell has passed the small-number decision (privacy.SmallNumbers): a count under the
 * covenant's threshold reads "&lt; 5" with a null value, a cell withheld so that it cannot be worked out reads "x".
 * A school or municipality that is not the viewer's is 404, exactly as one that does not exist; another role is 403.
 */
@Controller("/api/monitoring")
public class MonitoringController {

    private final SchoolDashboard school;
    private final RegionDashboard region;
    private final MunicipalityDashboard municipality;
    private final MonitoringExport export;
    private final Viewers viewers;

    public MonitoringController(SchoolDashboard school, RegionDashboard region, MunicipalityDashboard municipality,
                                MonitoringExport export, Viewers viewers) {
        this.school = school;
        this.region = region;
        this.municipality = municipality;
        this.export = export;
        this.viewers = viewers;
    }

    /**
     * The school's figures: pupils with absence (unauthorised, sick, late) per month this school year and last, per
     * class year, pupils with a DUO report per kind, and pupils now at a table. {@code school}: one of the caller's
     * schools (default the first); {@code schoolYear}: the year the school year starts (default the current one).
     */
    @Get("/school{?school,schoolYear}")
    @Secured("CARE_COORDINATOR")
    @Operation(summary = "Schooldashboard (zorgcoördinator)")
    @ApiResponse(responseCode = "200", description = "De cijfers van de eigen school, kleine aantallen als \"< 5\".")
    @ApiResponse(responseCode = "403", description = "Geen zorgcoördinator.")
    @ApiResponse(responseCode = "404", description = "Geen school van de aanvrager.")
    public SchoolDashboard.Figures school(Authentication authentication, @Nullable @QueryValue Long school,
                                         @Nullable @QueryValue Integer schoolYear) {
        return this.school.figures(viewers.of(authentication), school, schoolYear);
    }

    /**
     * The pupils behind an absence figure of the caller's school: absence of {@code kind} (UNAUTHORISED, SICK, LATE)
     * in {@code month} (yyyy-mm), or in the school year and {@code classYear}. Only pupils the caller sees by name;
     * each read is in the access log.
     */
    @Get("/school/pupils{?school,schoolYear,month,kind,classYear}")
    @Secured("CARE_COORDINATOR")
    @Operation(summary = "Leerlingen achter een verzuimcijfer van de eigen school")
    @ApiResponse(responseCode = "200", description = "De leerlingen die de aanvrager bij naam ziet.")
    @ApiResponse(responseCode = "400", description = "Onbekende soort, maand of leerjaar.")
    @ApiResponse(responseCode = "404", description = "Geen school van de aanvrager.")
    public List<PupilView> pupils(Authentication authentication, @Nullable @QueryValue Long school, @Nullable @QueryValue Integer schoolYear,
                                  @Nullable @QueryValue String month, @Nullable @QueryValue String kind, @Nullable @QueryValue Integer classYear) {
        return this.school.pupilsBehind(viewers.of(authentication), school, schoolYear, month, kind, classYear);
    }

    /**
     * The samenwerkingsverband's figures: thuiszitters now per school, per municipality and by duration, registered
     * per month, outcomes and the throughput of the three tables. {@code municipality} shows only that municipality's
     * schools in the per-school table (the same cells as without the filter).
     */
    @Get("/region{?schoolYear,municipality}")
    @Secured("PARTNERSHIP_COORDINATOR")
    @Operation(summary = "Regiodashboard (samenwerkingsverband)")
    @ApiResponse(responseCode = "200", description = "De cijfers van het eigen samenwerkingsverband, alleen aantallen.")
    @ApiResponse(responseCode = "403", description = "Geen coördinator van het samenwerkingsverband.")
    @ApiResponse(responseCode = "404", description = "Geen gemeente met een school van het samenwerkingsverband.")
    public RegionDashboard.Figures region(Authentication authentication, @Nullable @QueryValue Integer schoolYear,
                                          @Nullable @QueryValue Long municipality) {
        return region.figures(viewers.of(authentication), schoolYear, municipality);
    }

    /**
     * The municipality's figures: pupils living there with a DUO report per kind over three school years (absolute
     * absence is the kind ABSOLUTE), and buitenleerlingen. {@code municipality}: one the caller is sworn for.
     */
    @Get("/municipality{?municipality,schoolYear}")
    @Secured("ATTENDANCE_OFFICER")
    @Operation(summary = "Gemeentedashboard (leerplichtambtenaar)")
    @ApiResponse(responseCode = "200", description = "De cijfers van de eigen gemeente, kleine aantallen als \"< 5\".")
    @ApiResponse(responseCode = "403", description = "Geen leerplichtambtenaar.")
    @ApiResponse(responseCode = "404", description = "Geen gemeente waarvoor de aanvrager beëdigd is.")
    public MunicipalityDashboard.Figures municipality(Authentication authentication, @Nullable @QueryValue Long municipality,
                                                      @Nullable @QueryValue Integer schoolYear) {
        return this.municipality.figures(viewers.of(authentication), municipality, schoolYear);
    }

    /** The school's figures as {@code format} csv or xlsx, withheld exactly as on the screen. */
    @Get("/school/export{?format,school,schoolYear}")
    @Secured("CARE_COORDINATOR")
    @Operation(summary = "Schooldashboard als CSV of XLSX")
    public HttpResponse<byte[]> schoolExport(Authentication authentication, @Nullable @QueryValue String format,
                                             @Nullable @QueryValue Long school, @Nullable @QueryValue Integer schoolYear) {
        SchoolDashboard.Figures figures = this.school.figures(viewers.of(authentication), school, schoolYear);
        return file(format, "monitoring-school-" + figures.schoolYear(), figures.tables());
    }

    /** The samenwerkingsverband's figures as {@code format} csv or xlsx. */
    @Get("/region/export{?format,schoolYear,municipality}")
    @Secured("PARTNERSHIP_COORDINATOR")
    @Operation(summary = "Regiodashboard als CSV of XLSX")
    public HttpResponse<byte[]> regionExport(Authentication authentication, @Nullable @QueryValue String format,
                                             @Nullable @QueryValue Integer schoolYear, @Nullable @QueryValue Long municipality) {
        RegionDashboard.Figures figures = region.figures(viewers.of(authentication), schoolYear, municipality);
        return file(format, "monitoring-regio-" + figures.schoolYear(), figures.tables());
    }

    /** The municipality's figures as {@code format} csv or xlsx. */
    @Get("/municipality/export{?format,municipality,schoolYear}")
    @Secured("ATTENDANCE_OFFICER")
    @Operation(summary = "Gemeentedashboard als CSV of XLSX")
    public HttpResponse<byte[]> municipalityExport(Authentication authentication, @Nullable @QueryValue String format,
                                                   @Nullable @QueryValue Long municipality, @Nullable @QueryValue Integer schoolYear) {
        MunicipalityDashboard.Figures figures = this.municipality.figures(viewers.of(authentication), municipality, schoolYear);
        return file(format, "monitoring-gemeente-" + figures.schoolYear(), figures.tables());
    }

    private HttpResponse<byte[]> file(@Nullable String format, String name, List<FigureTable> tables) {
        MonitoringExport.File file = switch (format == null ? "csv" : format) {
            case "csv" -> export.csv(name, tables);
            case "xlsx" -> export.xlsx(name, tables);
            default -> throw new InvalidInputException("format", "Kies csv of xlsx.");
        };
        return HttpResponse.ok(file.content()).contentType(file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
