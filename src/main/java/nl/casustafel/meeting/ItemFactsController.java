package nl.casustafel.meeting;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import nl.casustafel.account.Viewers;
import nl.casustafel.platform.NotFoundException;

/**
 * The facts about the pupil of an agenda item at the caller's level ({@link ItemFacts}). One 404 for an
 * item that does not exist, is not on that meeting, of a meeting the caller does not take part in, or of
 * a pupil the caller may not see: the answer reveals nothing of which it is.
 */
@Controller("/api")
@Secured({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
public class ItemFactsController {

    private final ItemFacts facts;
    private final Viewers viewers;

    ItemFactsController(ItemFacts facts, Viewers viewers) {
        this.facts = facts;
        this.viewers = viewers;
    }

    /** Absence per month and signals, DUO reports, consents, withdrawal notices and open actions, as the privacy kernel allows. */
    @Get("/meetings/{id}/items/{itemId}/facts")
    public ItemFacts.Facts facts(Authentication authentication, @PathVariable long id, @PathVariable long itemId) {
        return facts.of(viewers.of(authentication), id, itemId).orElseThrow(NotFoundException::new);
    }
}
