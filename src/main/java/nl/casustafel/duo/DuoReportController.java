package nl.casustafel.duo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.account.Viewers;
import nl.casustafel.covenant.DuoReportKind;

import java.time.LocalDate;
import java.util.List;

/** DUO reports: recorded by the pupil's school, closed by the attendance officer. */
@Controller("/api")
public class DuoReportController {

    private final DuoReportService reports;
    private final Viewers viewers;

    public DuoReportController(DuoReportService reports, Viewers viewers) {
        this.reports = reports;
        this.viewers = viewers;
    }

    @Serdeable
    public record NewReportRequest(@Nullable DuoReportKind kind, @Nullable LocalDate reportedOn, @Nullable String duoReference) {
    }

    @Serdeable
    public record CloseRequest(@Nullable String reason) {
    }

    @Post("/pupils/{pupilId}/duo-reports")
    @Secured("CARE_COORDINATOR")
    public HttpResponse<DuoReport> record(Authentication authentication, @PathVariable long pupilId, @Body NewReportRequest body) {
        DuoReport report = reports.record(viewers.of(authentication), pupilId,
                new DuoReportService.NewReport(body.kind(), body.reportedOn(), body.duoReference()));
        return HttpResponse.created(report);
    }

    @Get("/pupils/{pupilId}/duo-reports")
    @Secured({"CARE_COORDINATOR", "ATTENDANCE_OFFICER"})
    public List<DuoReport> ofPupil(Authentication authentication, @PathVariable long pupilId) {
        return reports.ofPupil(viewers.of(authentication), pupilId);
    }

    @Post("/duo-reports/{reportId}/close")
    @Secured("ATTENDANCE_OFFICER")
    public DuoReport close(Authentication authentication, @PathVariable long reportId, @Nullable @Body CloseRequest body) {
        return reports.close(viewers.of(authentication), reportId, body == null ? null : body.reason());
    }
}
