package nl.casustafel.pupil;

import nl.casustafel.platform.PlainText;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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

    /** The pupil list of school staff: only their own schools. */
    @Get
    @Secured("CARE_COORDINATOR")
    public List<PupilView> list(Authentication authentication,
                                @Nullable @QueryValue @PlainText(max = 200) String name,
                                @Nullable @QueryValue Integer schoolYear) {
        return pupils.listOwnSchools(viewers.of(authentication), new PupilSearch(name, schoolYear));
    }

    /** The pupils at the caller's tables (meeting series), each as the caller may see it. */
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
