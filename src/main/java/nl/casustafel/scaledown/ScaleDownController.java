package nl.casustafel.scaledown;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import nl.casustafel.account.Viewers;
import nl.casustafel.platform.PlainText;

import java.util.List;

/**
 * Afschaling at the table ({@link ScaleDownService}) and the notices of it ({@link ScaleDownNotices}). One 404 (same
 * body) for an item that does not exist, is not on that meeting, of a table the caller does not sit at, or of a pupil
 * the caller does not see there; 403 for a participant who is not the chair; a 400 naming the field otherwise.
 */
@Controller("/api")
@Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
public class ScaleDownController {

    private final ScaleDownService service;
    private final ScaleDownNotices notices;
    private final Viewers viewers;

    ScaleDownController(ScaleDownService service, ScaleDownNotices notices, Viewers viewers) {
        this.service = service;
        this.notices = notices;
        this.viewers = viewers;
    }

    /** {@code reason}: BACK_IN_EDUCATION, IN_WORK, MOVED or OTHER (then {@code explanation} is required). */
    @Serdeable
    public record ScaleDownRequest(@Nullable ScaleDownReason reason, @Nullable @PlainText(max = ScaleDownService.EXPLANATION_MAX) String explanation) {
    }

    /** The table (its chair) scales the case of the item's pupil down: every party but the school of enrolment's loses access. */
    @Post("/meetings/{id}/items/{itemId}/scale-down")
    public ScaleDownService.Decision scaleDown(Authentication authentication, @PathVariable long id, @PathVariable long itemId,
                                               @Valid @Body ScaleDownRequest body) {
        return service.scaleDown(viewers.of(authentication), id, itemId, body.reason(), body.explanation());
    }

    /** The caller's notices of afschalingen at their tables, newest first (at most 20). */
    @Get("/scale-down-notices")
    public List<ScaleDownNotices.Notice> notices(Authentication authentication) {
        return notices.forViewer(viewers.of(authentication));
    }
}
