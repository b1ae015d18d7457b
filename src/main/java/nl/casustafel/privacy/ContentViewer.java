package nl.casustafel.privacy;

import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.PartyType;

import java.util.Set;

/**
 * A viewer of case content about one pupil at one table, as the privacy kernel sees them: who, for
 * which party, how they see the pupil there and on which basis, and the data categories of the valid
 * consents (for this pupil and the table's purpose) that their party holds or that name their party
 * in their scope. Made by {@link PupilReader#contentViewer}; also describes a writer at writing time.
 */
public record ContentViewer(long userId,
                            long partyId,
                            PartyType partyType,
                            Disclosure disclosure,
                            Basis basis,
                            Set<String> consentCategories) {

    public ContentViewer {
        consentCategories = Set.copyOf(consentCategories);
    }

    static ContentViewer of(Viewer viewer, DisclosureDecision decision, Set<String> consentCategories) {
        return new ContentViewer(viewer.userId(), viewer.partyId(), viewer.partyType(), decision.disclosure(), decision.basis(),
                consentCategories);
    }

    /** For content about no pupil (an action of the table): nobody's disclosure matters. */
    public static ContentViewer withoutPupil(Viewer viewer) {
        return new ContentViewer(viewer.userId(), viewer.partyId(), viewer.partyType(), Disclosure.NONE, Basis.NONE, Set.of());
    }

    public boolean consentCovers(String category) {
        return consentCategories.contains(category);
    }
}
