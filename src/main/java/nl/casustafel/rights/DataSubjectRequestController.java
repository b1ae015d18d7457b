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

    public DataSubjectRequestController(DataSubjectRequestService requests, AccessOverviewService overviews, AccessOverviewPdf pdf,
                                        Viewers viewers) {
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
}
