package nl.casustafel.duo;

import jakarta.validation.Valid;
import nl.casustafel.platform.PlausibleDate;
import nl.casustafel.platform.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.account.Viewer;
import nl.casustafel.account.Viewers;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.covenant.DuoReportKind;

import java.time.LocalDate;
import java.util.List;

/** DUO reports: recorded by the pupil's school, closed by the attendance officer. */
@Controller("/api")
public class DuoReportController {

    private final DuoReportService reports;
    private final Viewers viewers;
    private final PupilReader reader;

    public DuoReportController(DuoReportService reports, Viewers viewers, PupilReader reader) {
        this.reader = reader;
        this.reports = reports;
        this.viewers = viewers;
    }

    @Serdeable
    public record NewReportRequest(@Nullable DuoReportKind kind, @Nullable @PlausibleDate LocalDate reportedOn,
                                   @Nullable @PlainText(max = 40) String duoReference) {
    }

    @Serdeable
    public record CloseRequest(@Nullable @PlainText(max = 500) String reason) {
    }

    /** {@code pupil}: the pupil's number (the school sees its pupils by name) or its handle at a table. */
    @Post("/pupils/{pupil}/duo-reports")
    @Secured("CARE_COORDINATOR")
    public HttpResponse<DuoReport> record(Authentication authentication, @PathVariable String pupil, @Valid @Body NewReportRequest body) {
        Viewer viewer = viewers.of(authentication);
        DuoReport report = reports.record(viewer, pupilId(viewer, pupil),
                new DuoReportService.NewReport(body.kind(), body.reportedOn(), body.duoReference()));
        return HttpResponse.created(report);
    }

    @Get("/pupils/{pupil}/duo-reports")
    @Secured({"CARE_COORDINATOR", "ATTENDANCE_OFFICER"})
    public List<DuoReport> ofPupil(Authentication authentication, @PathVariable String pupil) {
        Viewer viewer = viewers.of(authentication);
        return reports.ofPupil(viewer, pupilId(viewer, pupil));
    }

    @Post("/duo-reports/{reportId}/close")
    @Secured("ATTENDANCE_OFFICER")
    public DuoReport close(Authentication authentication, @PathVariable long reportId, @Nullable @Valid @Body CloseRequest body) {
        return reports.close(viewers.of(authentication), reportId, body == null ? null : body.reason());
    }

    private long pupilId(Viewer viewer, String pupil) {
        return reader.resolve(viewer, pupil).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Leerling niet gevonden."));
    }
}
