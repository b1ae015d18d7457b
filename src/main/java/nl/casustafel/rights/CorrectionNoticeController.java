package nl.casustafel.rights;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import nl.casustafel.account.Viewers;

import java.util.List;

/**
 * The correction notices of the caller's party (art. 19 AVG): a datum it provided was rectified or erased on
 * a data subject's request. The pupil is named only as the kernel lets the party see it now.
 */
@Controller("/api/correction-notices")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class CorrectionNoticeController {

    private final CorrectionNotices notices;
    private final Viewers viewers;

    public CorrectionNoticeController(CorrectionNotices notices, Viewers viewers) {
        this.notices = notices;
        this.viewers = viewers;
    }

    /** The party's notices, newest first. */
    @Get
    public List<CorrectionNotices.Notice> mine(Authentication authentication) {
        return notices.forParty(viewers.of(authentication));
    }
}
