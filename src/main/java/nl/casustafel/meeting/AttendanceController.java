package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.casustafel.account.Viewers;
import nl.casustafel.platform.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attendance (presentielijst) of a meeting: participants read it, the chair records it. A meeting
 * the caller does not take part in, and one that does not exist, are the same 404.
 */
@Controller("/api/meetings/{id}/attendance")
@Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
public class AttendanceController {

    private final AttendanceService attendance;
    private final Viewers viewers;

    public AttendanceController(AttendanceService attendance, Viewers viewers) {
        this.attendance = attendance;
        this.viewers = viewers;
    }

    /** One line of the attendance: a participant's account id and whether they were there. */
    @Serdeable
    public record Line(@Nullable Long userId, @Nullable Presence presence) {
    }

    /** The whole table's attendance; a participant left out is "not recorded". */
    @Serdeable
    public record AttendanceRequest(@Nullable @Size(max = 100) List<@NotNull Line> attendance) {
    }

    /** Everyone at the meeting's table with their presence ({@code null}: not recorded). */
    @Get
    @ApiResponse(responseCode = "404", description = "Het overleg bestaat niet of u neemt er niet aan deel.",
            content = @Content(mediaType = "application/problem+json"))
    public List<Attendee> get(Authentication authentication, @PathVariable long id) {
        return attendance.attendance(viewers.of(authentication), id);
    }

    /** The chair records who was present, absent, or absent with notice; answers the attendance as stored. */
    @Put
    @ApiResponse(responseCode = "400", description = "Iemand op de lijst neemt niet deel, staat er twee keer op, of mist de aanwezigheid.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "Alleen de voorzitter legt de aanwezigheid vast.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "Het overleg bestaat niet of u neemt er niet aan deel.",
            content = @Content(mediaType = "application/problem+json"))
    public List<Attendee> put(Authentication authentication, @PathVariable long id, @Valid @Body AttendanceRequest body) {
        Map<Long, Presence> presence = null;
        if (body.attendance() != null) {
            presence = new LinkedHashMap<>();
            for (Line line : body.attendance()) {
                if (line.userId() == null || line.presence() == null) {
                    throw new InvalidInputException("attendance", "Geef per deelnemer het account (userId) en de aanwezigheid "
                            + "(PRESENT, ABSENT of EXCUSED).");
                }
                if (presence.put(line.userId(), line.presence()) != null) {
                    throw new InvalidInputException("attendance", "Iedere deelnemer staat één keer op de presentielijst.");
                }
            }
        }
        return attendance.record(viewers.of(authentication), id, presence);
    }
}
