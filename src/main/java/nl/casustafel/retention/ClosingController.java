package nl.casustafel.retention;

import jakarta.validation.Valid;
import nl.casustafel.platform.PlausibleDate;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.account.Viewers;
import nl.casustafel.platform.InvalidInputException;

import java.time.LocalDate;

/** The closing decision of a pupil's case (afsluitbesluit): recorded and withdrawn by the school that holds the case. */
@Controller("/api/pupils/{pupilId}/closing")
@Secured("CARE_COORDINATOR")
public class ClosingController {

    private final ClosingService closing;
    private final Viewers viewers;

    public ClosingController(ClosingService closing, Viewers viewers) {
        this.closing = closing;
        this.viewers = viewers;
    }

    @Serdeable
    public record ClosingRequest(@Nullable ClosingReason reason, @Nullable @PlausibleDate LocalDate decidedOn) {
    }

    /** Closes the case; the answer names the destruction date. */
    @Post
    public HttpResponse<ClosingDecision> close(Authentication authentication, @PathVariable long pupilId,
                                               @Nullable @Valid @Body ClosingRequest body) {
        if (body == null) {
            throw new InvalidInputException("reason", "Kies de reden waarom het dossier wordt gesloten.");
        }
        return HttpResponse.created(closing.close(viewers.of(authentication), pupilId,
                new ClosingService.NewClosing(body.reason(), body.decidedOn())));
    }

    /** The standing decision; 404 when the case is open. */
    @Get
    public ClosingDecision get(Authentication authentication, @PathVariable long pupilId) {
        return closing.of(viewers.of(authentication), pupilId)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Geen afsluitbesluit."));
    }

    /** Reopens the case before destruction: the data stays. */
    @Delete
    public HttpResponse<Void> reopen(Authentication authentication, @PathVariable long pupilId) {
        closing.reopen(viewers.of(authentication), pupilId);
        return HttpResponse.noContent();
    }
}
