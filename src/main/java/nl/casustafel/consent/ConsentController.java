package nl.casustafel.consent;

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
import nl.casustafel.covenant.MeetingType;

import java.time.LocalDate;
import java.util.List;

/** Consent per party, its withdrawal, and notifications of parents. */
@Controller("/api")
@Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
public class ConsentController {

    private final ConsentService consents;
    private final ParentNotificationService notifications;
    private final WithdrawalNotices notices;
    private final Viewers viewers;

    public ConsentController(ConsentService consents, ParentNotificationService notifications, WithdrawalNotices notices,
                             Viewers viewers) {
        this.consents = consents;
        this.notifications = notifications;
        this.notices = notices;
        this.viewers = viewers;
    }

    @Serdeable
    public record NewConsentRequest(@Nullable Long partyId, @Nullable MeetingType purpose, @Nullable String hulpvraag,
                                    @Nullable List<String> categories, boolean givenByPupil, boolean givenByParent,
                                    @Nullable String parentName, @Nullable ConsentMethod method, @Nullable LocalDate givenOn,
                                    @Nullable LocalDate validUntil) {
    }

    @Serdeable
    public record WithdrawRequest(@Nullable LocalDate withdrawnOn, @Nullable String note) {
    }

    @Post("/pupils/{pupilId}/consents")
    public HttpResponse<Consent> record(Authentication authentication, @PathVariable long pupilId, @Body NewConsentRequest body) {
        return HttpResponse.created(consents.record(viewers.of(authentication), pupilId, new ConsentService.NewConsent(
                body.partyId(), body.purpose(), body.hulpvraag(), body.categories(), body.givenByPupil(), body.givenByParent(),
                body.parentName(), body.method(), body.givenOn(), body.validUntil())));
    }

    @Get("/pupils/{pupilId}/consents")
    public List<Consent> ofPupil(Authentication authentication, @PathVariable long pupilId) {
        return consents.ofPupil(viewers.of(authentication), pupilId);
    }

    @Post("/consents/{consentId}/withdraw")
    public Consent withdraw(Authentication authentication, @PathVariable long consentId, @Nullable @Body WithdrawRequest body) {
        return consents.withdraw(viewers.of(authentication), consentId,
                body == null ? null : body.withdrawnOn(), body == null ? null : body.note());
    }

    @Post("/pupils/{pupilId}/notifications")
    public HttpResponse<ParentNotificationService.Recorded> notifyParents(Authentication authentication, @PathVariable long pupilId,
                                                                          @Body ParentNotificationService.NewNotification body) {
        return HttpResponse.created(notifications.record(viewers.of(authentication), pupilId, body));
    }

    /** Consents withdrawn after the caller's party received data under them (art. 11.5). */
    @Get("/withdrawal-notices")
    public List<WithdrawalNotices.Notice> withdrawalNotices(Authentication authentication) {
        return notices.forParty(viewers.of(authentication));
    }
}
