package nl.casustafel.meeting;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import nl.casustafel.account.Viewers;

/**
 * The minutes of a meeting as a PDF, made for the caller at the caller's own disclosure level and
 * fetched inside the platform (nothing is e-mailed). A caller who does not take part gets a 400
 * problem, never a document.
 */
@Controller("/api/meetings")
public class MinutesController {

    private final MinutesService minutes;
    private final Viewers viewers;

    public MinutesController(MinutesService minutes, Viewers viewers) {
        this.minutes = minutes;
        this.viewers = viewers;
    }

    /** The minutes of the meeting as a PDF attachment, at the caller's own disclosure level; only for participants. */
    @Get("/{id}/minutes.pdf")
    @Produces(MediaType.APPLICATION_PDF)
    @Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
            "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
    @ApiResponse(responseCode = "200", description = "De notulen als PDF-bijlage (notulen-<datum>.pdf).",
            content = @Content(mediaType = MediaType.APPLICATION_PDF, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "Het overleg bestaat niet, of u neemt er niet aan deel (één antwoord voor beide).",
            content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<byte[]> minutesPdf(Authentication authentication, @PathVariable long id) {
        MinutesService.MinutesFile file = minutes.pdf(viewers.of(authentication), id);
        return HttpResponse.ok(file.content())
                .contentType(MediaType.APPLICATION_PDF_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
