package nl.casustafel.pupil;

import nl.casustafel.platform.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import nl.casustafel.account.Viewers;
import nl.casustafel.privacy.PupilView;

import java.util.List;

/** Pupils as the caller sees them: disclosure, alias or identity, allowed fields and basis. */
@Controller("/api/pupils")
public class PupilController {

    private final PupilService pupils;
    private final Viewers viewers;

    public PupilController(PupilService pupils, Viewers viewers) {
        this.pupils = pupils;
        this.viewers = viewers;
    }

    /** The most pupils one page of the list holds. */
    static final int MAX_PAGE_SIZE = 500;

    /**
     * The pupil list of school staff: only their own schools, ordered by family name, one page at a time
     * ({@code page} from 0, {@code size} up to 500, default 500). The header {@code X-Total-Count} says how many
     * pupils match in all, so that no list is silently incomplete.
     */
    @Get
    @Secured("CARE_COORDINATOR")
    public HttpResponse<List<PupilView>> list(Authentication authentication,
                                              @Nullable @QueryValue @PlainText(max = 200) String name,
                                              @Nullable @QueryValue Integer schoolYear,
                                              @Nullable @QueryValue @Min(0) @Max(1_000_000) Integer page,
                                              @Nullable @QueryValue @Min(1) @Max(MAX_PAGE_SIZE) Integer size) {
        int pageSize = size == null ? MAX_PAGE_SIZE : size;
        PupilService.PupilList list = pupils.pageOwnSchools(viewers.of(authentication), new PupilSearch(name, schoolYear),
                (long) (page == null ? 0 : page) * pageSize, pageSize);
        return HttpResponse.ok(list.pupils()).header(TOTAL_COUNT, String.valueOf(list.total()));
    }

    /** The response header with the number of pupils that match, over all pages. */
    static final String TOTAL_COUNT = "X-Total-Count";

    @Get("/at-my-tables")
    @Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
            "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
    public List<PupilView> atMyTables(Authentication authentication) {
        return pupils.atMyTables(viewers.of(authentication));
    }

    /**
     * One pupil, optionally at one table ({@code series}); {@code id} is the pupil's {@code handle} at a
     * table, or its pupil number for a caller who sees it by name. 404 when the caller may not see it
     * (or not by that reference), so that existence is not revealed either.
     */
    @Get("/{id}")
    @Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
            "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
    public PupilView get(Authentication authentication, HttpRequest<?> request, @PathVariable String id,
                         @Nullable @QueryValue Long series) {
        return pupils.find(viewers.of(authentication), id, series, "api " + request.getPath())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Leerling niet gevonden."));
    }
}
