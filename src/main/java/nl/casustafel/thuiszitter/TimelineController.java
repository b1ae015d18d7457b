package nl.casustafel.thuiszitter;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import nl.casustafel.account.Viewers;
import nl.casustafel.platform.PlainText;
import nl.casustafel.platform.PlausibleDate;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The thuiszitter's timeline at a thuiszitterstafel ({@link ThuiszitterTimeline}). {@code {id}} is the pupil's
 * handle at the table, or its number for a caller who sees it by name; {@code series} picks the table when the
 * pupil is at more than one. One 404 (same body) for a pupil that does not exist, that the caller does not see,
 * whose table's case is scaled down for the caller, or that is on no thuiszitterstafel.
 */
@Controller("/api/pupils/{id}/timeline")
@Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
public class TimelineController {

    private final ThuiszitterTimeline timeline;
    private final Viewers viewers;

    TimelineController(ThuiszitterTimeline timeline, Viewers viewers) {
        this.timeline = timeline;
        this.viewers = viewers;
    }

    /** A new entry: {@code kind} OUT_OF_SCHOOL (with {@code absenceKind}, {@code exemption}), OFFER_FOUND, RETURN_STEP (with hours or days per week) or FULLY_BACK. */
    @Serdeable
    public record EntryRequest(@Nullable TimelineEntry.Kind kind, @Nullable TimelineEntry.AbsenceKind absenceKind,
                               @Nullable Boolean exemption, @Nullable @PlausibleDate LocalDate startsOn,
                               @Nullable @PlausibleDate LocalDate endsOn, @Nullable BigDecimal hoursPerWeek,
                               @Nullable @Min(1) @Max(7) Integer daysPerWeek,
                               @Nullable @PlainText(max = TimelineInput.DESCRIPTION_MAX) String description) {
    }

    /** The timeline with its entries (those the caller may read), the durations and the covenant's signals where the kernel allows. */
    @Get
    public ThuiszitterTimeline.Timeline get(Authentication authentication, @PathVariable String id, @Nullable @QueryValue Long series) {
        return timeline.read(viewers.of(authentication), id, series);
    }

    /** Records a period out of school, a suitable offer, a step of the return or the full return; answers the timeline. */
    @Post("/entries")
    public HttpResponse<ThuiszitterTimeline.Timeline> record(Authentication authentication, @PathVariable String id,
                                                            @Nullable @QueryValue Long series, @Valid @Body EntryRequest body) {
        return HttpResponse.created(timeline.record(viewers.of(authentication), id, series, new TimelineInput.NewEntry(body.kind(),
                body.absenceKind(), body.exemption(), body.startsOn(), body.endsOn(), body.hoursPerWeek(), body.daysPerWeek(),
                body.description())));
    }
}
