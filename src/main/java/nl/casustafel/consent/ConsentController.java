package nl.casustafel.consent;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.privacy.PupilReader;

import java.time.LocalDate;
import java.util.List;

/** Consent per party, its withdrawal, and notifications of parents. */
@Controller("/api")
@Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
public class ConsentController {

    /** A consent runs at most until the pupil is an adult; a pupil of 4 reaches 18 in 14 years. */
    static final int CONSENT_YEARS_AHEAD = 15;

    private final ConsentService consents;
    private final ParentNotificationService notifications;
    private final WithdrawalNotices notices;
    private final Viewers viewers;
    private final PupilReader reader;

    public ConsentController(ConsentService consents, ParentNotificationService notifications, WithdrawalNotices notices,
                             Viewers viewers, PupilReader reader) {
        this.reader = reader;
        this.consents = consents;
        this.notifications = notifications;
        this.notices = notices;
        this.viewers = viewers;
    }

    @Serdeable
    public record NewConsentRequest(@Nullable Long partyId, @Nullable MeetingType purpose, @Nullable @PlainText(max = 500) String hulpvraag,
                                    @Nullable @Size(max = 20) List<@NotNull @PlainText(max = 32) String> categories,
                                    boolean givenByPupil, boolean givenByParent,
                                    @Nullable @PlainText(max = 200) String parentName, @Nullable ConsentMethod method,
                                    @Nullable @PlausibleDate LocalDate givenOn,
                                    @Nullable @PlausibleDate(yearsAhead = CONSENT_YEARS_AHEAD) LocalDate validUntil,
                                    @Nullable @Size(max = 20) List<@NotNull Long> sharedWith) {
    }

    @Serdeable
    public record WithdrawRequest(@Nullable @PlausibleDate LocalDate withdrawnOn, @Nullable @PlainText(max = 500) String note) {
    }

    /** {@code pupil}: the pupil's handle at a table, or its number for a caller who sees it by name. */
    @Post("/pupils/{pupil}/consents")
    public HttpResponse<Consent> record(Authentication authentication, @PathVariable String pupil, @Valid @Body NewConsentRequest body) {
        Viewer viewer = viewers.of(authentication);
        return HttpResponse.created(consents.record(viewer, pupilId(viewer, pupil), new ConsentService.NewConsent(
                body.partyId(), body.purpose(), body.hulpvraag(), body.categories(), body.givenByPupil(), body.givenByParent(),
                body.parentName(), body.method(), body.givenOn(), body.validUntil(), body.sharedWith())));
    }

    @Get("/pupils/{pupil}/consents")
    public List<Consent> ofPupil(Authentication authentication, @PathVariable String pupil) {
        Viewer viewer = viewers.of(authentication);
        return consents.ofPupil(viewer, pupilId(viewer, pupil));
    }

    @Post("/consents/{consentId}/withdraw")
    public Consent withdraw(Authentication authentication, @PathVariable long consentId, @Nullable @Valid @Body WithdrawRequest body) {
        return consents.withdraw(viewers.of(authentication), consentId,
                body == null ? null : body.withdrawnOn(), body == null ? null : body.note());
    }

    @Post("/pupils/{pupil}/notifications")
    public HttpResponse<ParentNotificationService.Recorded> notifyParents(Authentication authentication, @PathVariable String pupil,
                                                                          @Valid @Body ParentNotificationService.NewNotification body) {
        Viewer viewer = viewers.of(authentication);
        return HttpResponse.created(notifications.record(viewer, pupilId(viewer, pupil), body));
    }

    /** Consents withdrawn after the caller's party received data under them (art. 11.5). */
    @Get("/withdrawal-notices")
    public List<WithdrawalNotices.Notice> withdrawalNotices(Authentication authentication) {
        return notices.forParty(viewers.of(authentication));
    }

    private long pupilId(Viewer viewer, String pupil) {
        return reader.resolve(viewer, pupil).orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Leerling niet gevonden."));
    }
}
