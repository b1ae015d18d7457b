package nl.casustafel.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import nl.casustafel.account.Viewers;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.platform.PlainText;

import java.util.List;

/**
 * The plan van aanpak of a pupil's case at a table. {@code {ref}} is the pupil as the caller knows it (its
 * handle at the table, or its number for a caller who sees it by name). One 404, with one body, for a plan
 * that does not exist, a table the caller does not sit at, and a pupil the caller does not see there.
 */
@Controller("/api/pupils/{ref}/plans/{seriesId}")
@Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
public class PlanController {

    private final PlanReader reader;
    private final PlanWriter writer;
    private final Viewers viewers;

    PlanController(PlanReader reader, PlanWriter writer, Viewers viewers) {
        this.reader = reader;
        this.writer = writer;
        this.viewers = viewers;
    }

    @Serdeable
    public record ProgressRequest(@Nullable @PlainText(max = 2000) String text, @Nullable @PlainText(max = 32) String category) {
    }

    @Get
    @Operation(summary = "Het plan van aanpak van de casus, zoals de privacyregels het de vrager laten zien")
    @ApiResponse(responseCode = "404", description = "Geen plan, of de vrager zit niet aan deze tafel of ziet de leerling niet")
    public PlanViews.Plan get(Authentication authentication, @PathVariable String ref, @PathVariable long seriesId) {
        return reader.read(viewers.of(authentication), ref, seriesId).orElseThrow(NotFoundException::new);
    }

    @Put
    @Operation(summary = "Het plan van aanpak opstellen of een nieuwe versie vastleggen; weggelaten lijsten blijven ongewijzigd")
    @ApiResponse(responseCode = "400", description = "Een regel van het plan is niet in orde; er is niets vastgelegd")
    public PlanViews.Plan put(Authentication authentication, @PathVariable String ref, @PathVariable long seriesId,
                              @Valid @Body PlanViews.Draft draft) {
        return writer.save(viewers.of(authentication), ref, seriesId, draft);
    }

    @Post("/progress")
    @Operation(summary = "Een voortgangsbericht bij het plan (coördinator, voorzitter, verantwoordelijken voor een interventie)")
    @ApiResponse(responseCode = "201", description = "Het plan met het nieuwe bericht")
    public HttpResponse<PlanViews.Plan> progress(Authentication authentication, @PathVariable String ref, @PathVariable long seriesId,
                                                 @Valid @Body ProgressRequest body) {
        return HttpResponse.created(writer.addProgress(viewers.of(authentication), ref, seriesId, body.text(), body.category()));
    }

    @Get("/versions")
    @Operation(summary = "De versies van het plan: wie wanneer wat wijzigde, voor zover de vrager het mag lezen")
    public List<PlanViews.Version> versions(Authentication authentication, @PathVariable String ref, @PathVariable long seriesId) {
        return reader.versions(viewers.of(authentication), ref, seriesId).orElseThrow(NotFoundException::new);
    }
}
