package nl.casustafel.plan;

import jakarta.inject.Singleton;
import nl.casustafel.account.Accounts;
import nl.casustafel.account.UserAccount;
import nl.casustafel.covenant.Parties;
import nl.casustafel.covenant.Party;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.Disclosure;

/**
 * How people and parties named in a plan are shown to one viewer: by name to a viewer who sees the pupil
 * by name; to a viewer who sees it under its alias only by the kind of party ("de school"), since the name
 * of a school, a municipality or the person working there can point to the pupil. The viewer is "u".
 */
@Singleton
class PlanNames {

    private final Accounts users;
    private final Parties parties;

    PlanNames(Accounts users, Parties parties) {
        this.users = users;
        this.parties = parties;
    }

    String party(ContentViewer seen, long partyId) {
        Party party = parties.findById(partyId).orElse(null);
        if (party == null) {
            return "?";
        }
        if (seen.disclosure() == Disclosure.IDENTIFIED || seen.partyId() == partyId) {
            return party.name();
        }
        return switch (party.type()) {
            case MUNICIPALITY -> "de gemeente";
            case SCHOOL_BOARD -> "de school";
            case PARTNERSHIP -> "het samenwerkingsverband";
            case YOUTH_HEALTH -> "de jeugdgezondheidszorg (CJG)";
            case YOUTH_CARE -> "de jeugdhulp";
        };
    }

    /** A person: "u" for the viewer; by name (with party) to an identified viewer; else the party's kind. */
    String person(ContentViewer seen, long userId) {
        if (userId == seen.userId()) {
            return "u";
        }
        UserAccount user = users.findById(userId).orElse(null);
        if (user == null) {
            return "?";
        }
        if (seen.disclosure() == Disclosure.IDENTIFIED) {
            return user.displayName() + " (" + party(seen, user.partyId()) + ")";
        }
        return party(seen, user.partyId());
    }

    /** A participant of the table (the coordinator): every participant knows who sits at the table. */
    String participant(long userId) {
        return users.findById(userId).map(UserAccount::displayName).orElse("?");
    }

    long partyOf(long userId) {
        return users.findById(userId).map(UserAccount::partyId).orElse(-1L);
    }
}
