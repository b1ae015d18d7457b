package nl.casustafel.covenant;

import java.util.Set;

/**
 * The covenant's terms for the thuiszitter's timeline ({@code thuiszitterTerms:} in the covenant file): after
 * how many weeks out of school without exemption the table sees a thuiszitter, after how many months without a
 * suitable offer (passend aanbod) the case is due to whom (doorzettingsmacht), the data category of timeline
 * entries, and which afschaling reasons (codes of {@code scaledown.ScaleDownReason}) take the pupil off the list.
 */
public record ThuiszitterTerms(int thuiszitterAfterWeeksWithoutExemption,
                               String thuiszitterSource,
                               int escalateAfterMonthsWithoutOffer,
                               String escalateTo,
                               String escalateSource,
                               String timelineCategory,
                               Set<String> leaveListWhen) {

    public ThuiszitterTerms {
        leaveListWhen = Set.copyOf(leaveListWhen);
    }
}
