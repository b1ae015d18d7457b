package nl.casustafel.calendar;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import nl.casustafel.account.Viewers;
import nl.casustafel.platform.NotFoundException;

import java.nio.charset.StandardCharsets;

/**
 * The caller's meetings as an iCalendar file, and the personal feed a calendar app subscribes to.
 * The feed URL is the only secret it needs (no sign-in); it names the account and a random secret,
 * and answers 404 once revoked or renewed, for another account's secret, or for anything else.
 */
@Controller("/api/calendar")
public class CalendarController {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";
    private static final String CASE_ROLES_DOC = "De overleggen van de tafels waaraan u deelneemt.";

    private final CalendarService calendar;
    private final Viewers viewers;

    public CalendarController(CalendarService calendar, Viewers viewers) {
        this.calendar = calendar;
        this.viewers = viewers;
    }

    /** The URL of a new feed; shown once. */
    @Serdeable
    public record Feed(String url) {
    }

    /** The caller's meetings (past half year and ahead) as {@code casustafel-overleggen.ics}. */
    @Get("/mine.ics")
    @Produces("text/calendar")
    @Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
            "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
    @ApiResponse(responseCode = "200", description = CASE_ROLES_DOC,
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    public HttpResponse<byte[]> mine(Authentication authentication) {
        return ics(calendar.ics(viewers.of(authentication)), "attachment");
    }

    /** Makes a new feed URL for the caller (the old one stops); the answer is the only time it is shown. */
    @Post("/feed")
    @Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
            "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
    public HttpResponse<Feed> renew(Authentication authentication) {
        return HttpResponse.created(new Feed(calendar.renewFeed(viewers.of(authentication))))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** Revokes the caller's feed: 204, also when there was none. */
    @Delete("/feed")
    @Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
            "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
    public HttpResponse<Void> revoke(Authentication authentication) {
        calendar.revokeFeed(viewers.of(authentication));
        return HttpResponse.noContent();
    }

    /** The feed itself, without sign-in: {@code /api/calendar/feed/{account}/{secret}.ics}. */
    @Get("/feed/{account}/{file}")
    @Produces("text/calendar")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ApiResponse(responseCode = "200", description = "De overleggen van het account: alleen tafel, datum, tijd en locatie.",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "Onbekende, ingetrokken of vervangen link.",
            content = @Content(mediaType = "application/problem+json"))
    public HttpResponse<byte[]> feed(@PathVariable String account, @PathVariable String file) {
        if (!file.endsWith(".ics")) {
            throw new NotFoundException();
        }
        return ics(calendar.feed(account, file.substring(0, file.length() - ".ics".length())), "inline");
    }

    private static HttpResponse<byte[]> ics(String document, String disposition) {
        return HttpResponse.ok(document.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.of(TEXT_CALENDAR))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition + "; filename=\"casustafel-overleggen.ics\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
