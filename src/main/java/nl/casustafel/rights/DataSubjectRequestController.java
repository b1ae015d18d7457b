package nl.casustafel.rights;

import jakarta.validation.Valid;
import nl.casustafel.platform.PlausibleDate;
import nl.casustafel.platform.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.account.Viewers;
import nl.casustafel.platform.InvalidInputException;

import java.time.LocalDate;
import java.util.List;

/**
 * Verzoeken van betrokkenen (art. 13 covenant): registered and decided by the chair of the table the
 * request was addressed to; listed for every participant of that table.
 */
@Controller("/api/data-subject-requests")
@Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
public class DataSubjectRequestController {

    private final DataSubjectRequestService requests;
    private final AccessOverviewService overviews;
    private final AccessOverviewPdf pdf;
    private final Viewers viewers;
    private final RequestExecutionService executions;
    private final PortabilityExport exports;

    public DataSubjectRequestController(DataSubjectRequestService requests, AccessOverviewService overviews, AccessOverviewPdf pdf,
                                        Viewers viewers, RequestExecutionService executions, PortabilityExport exports) {
        this.executions = executions;
        this.exports = exports;
        this.requests = requests;
        this.overviews = overviews;
        this.pdf = pdf;
        this.viewers = viewers;
    }

    /** {@code pupil} is the pupil's number (for a chair who sees it by name) or its handle at the table. */
    @Serdeable
    public record RegisterRequest(@Nullable Long series, @Nullable @PlainText(max = 40) String pupil, @Nullable RequestKind kind,
                                  @Nullable Requester requestedBy, @Nullable @PlausibleDate LocalDate receivedOn,
                                  @Nullable @PlainText(max = 1000) String summary) {
    }

    /** The datum a rectification or erasure names, and for a rectification the corrected value. */
    @Serdeable
    public record ExecutionRequest(@Nullable TargetKind target, @Nullable Long targetId,
                                   @Nullable nl.casustafel.privacy.PupilIdentities.RectifiableField field,
                                   @Nullable @PlainText(max = 2000) String value) {

        RequestExecutionService.Execution execution() {
            return new RequestExecutionService.Execution(target, targetId, field, value);
        }
    }

    @Serdeable
    public record ExtensionRequest(@Nullable @PlainText(max = 2000) String reason) {
    }

    @Serdeable
    public record DecisionRequest(@Nullable RequestStatus status, @Nullable @PlainText(max = 4000) String motivation,
                                  @Nullable @PlausibleDate LocalDate decidedOn) {
    }

    /** Registers a request; the answer names the due date (received on + one month). */
    @Post
    public HttpResponse<DataSubjectRequestView> register(Authentication authentication, @Nullable @Valid @Body RegisterRequest body) {
        if (body == null) {
            throw new InvalidInputException("series", "Kies de tafel waarvan u regisseur bent en waaraan het verzoek is gericht.");
        }
        return HttpResponse.created(requests.register(viewers.of(authentication), new DataSubjectRequestService.NewRequest(
                body.series(), body.pupil(), body.kind(), body.requestedBy(), body.receivedOn(), body.summary())));
    }

    /** Grants or refuses a request; a refusal needs a motivation. */
    @Post("/{id}/decision")
    public DataSubjectRequestView decide(Authentication authentication, @PathVariable long id, @Nullable @Valid @Body DecisionRequest body) {
        if (body == null) {
            throw new InvalidInputException("status", "Kies of het verzoek wordt toegewezen of afgewezen.");
        }
        return requests.decide(viewers.of(authentication), id,
                new DataSubjectRequestService.Decision(body.status(), body.motivation(), body.decidedOn()));
    }

    /** The open requests addressed to a table, for its participants, each pupil at the caller's own disclosure level. */
    @Get
    public List<DataSubjectRequestView> open(Authentication authentication, @QueryValue long series) {
        return requests.openAt(viewers.of(authentication), series);
    }

    /**
     * Inzageoverzicht of an access request, for its chair: every datum held on the pupil with the party that
     * brought it in, and the pupil's access log. Producing it is logged as an identified read.
     */
    @Get("/{id}/overview")
    public HttpResponse<AccessOverview> overview(Authentication authentication, @PathVariable long id) {
        return HttpResponse.ok(overviews.overview(viewers.of(authentication), id)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The same overview as a PDF attachment (inzageoverzicht-<id>.pdf), to hand to the data subject; logged the same way. */
    @Get("/{id}/overview.pdf")
    @Produces(MediaType.APPLICATION_PDF)
    @ApiResponse(responseCode = "200", description = "Het inzageoverzicht als PDF-bijlage.",
            content = @Content(mediaType = MediaType.APPLICATION_PDF, schema = @Schema(type = "string", format = "binary")))
    public HttpResponse<byte[]> overviewPdf(Authentication authentication, @PathVariable long id) {
        byte[] content = pdf.render(overviews.overview(viewers.of(authentication), id));
        return HttpResponse.ok(content)
                .contentType(MediaType.APPLICATION_PDF_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inzageoverzicht-" + id + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** What carrying out a granted request will change, in Dutch; nothing is written. */
    @Post("/{id}/execution/preview")
    public RequestExecutionService.Preview preview(Authentication authentication, @PathVariable long id,
                                                   @Nullable @Valid @Body ExecutionRequest body) {
        return executions.preview(viewers.of(authentication), id, body == null ? null : body.execution());
    }

    /**
     * Carries out a granted request (rectification, erasure, restriction, objection; access and portability are
     * recorded as handed over). The answer shows it as carried out ("Uitgevoerd") with the date.
     */
    @Post("/{id}/execution")
    public DataSubjectRequestView execute(Authentication authentication, @PathVariable long id, @Nullable @Valid @Body ExecutionRequest body) {
        return executions.execute(viewers.of(authentication), id, body == null ? null : body.execution());
    }

    /** The case content about the pupil the chair may name in a rectification or erasure. */
    @Get("/{id}/targets")
    public List<RequestExecutionService.Target> targets(Authentication authentication, @PathVariable long id) {
        return executions.targets(viewers.of(authentication), id);
    }

    /** Ends a carried-out restriction of processing. */
    @Post("/{id}/lift")
    public DataSubjectRequestView lift(Authentication authentication, @PathVariable long id) {
        return executions.lift(viewers.of(authentication), id);
    }

    /** Extends the answer period by two months (art. 12.3 AVG), within the first month, with the reasons. */
    @Post("/{id}/extension")
    public DataSubjectRequestView extend(Authentication authentication, @PathVariable long id, @Nullable @Valid @Body ExtensionRequest body) {
        return executions.extend(viewers.of(authentication), id, body == null ? null : body.reason());
    }

    /** The portability export of a granted request as JSON: only data processed on consent (footnote 30). Logged as an identified read. */
    @Get("/{id}/export.json")
    public HttpResponse<PortabilityExport.Export> exportJson(Authentication authentication, @PathVariable long id) {
        return HttpResponse.ok(exports.export(viewers.of(authentication), id)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The same export as CSV (semicolon-separated, UTF-8) attachment. */
    @Get("/{id}/export.csv")
    @Produces("text/csv")
    @ApiResponse(responseCode = "200", description = "De export als CSV-bijlage.",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    public HttpResponse<String> exportCsv(Authentication authentication, @PathVariable long id) {
        String csv = PortabilityExport.csv(exports.export(viewers.of(authentication), id));
        return HttpResponse.ok(csv).contentType("text/csv; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gegevens-" + id + ".csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
