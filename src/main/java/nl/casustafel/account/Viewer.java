package nl.casustafel.account;

import nl.casustafel.covenant.Role;
import nl.casustafel.covenant.PartyType;

import java.util.Set;

/**
 * The signed-in person as every feature sees them: who, in which role, for which party, and the
 * schools (school staff) or municipalities (sworn attendance officers) their work is tied to.
 */
public record Viewer(long userId,
                     String username,
                     String displayName,
                     Role role,
                     long partyId,
                     String partyName,
                     PartyType partyType,
                     Set<Long> schoolIds,
                     Set<Long> swornMunicipalityIds) {

    public Viewer {
        schoolIds = Set.copyOf(schoolIds);
        swornMunicipalityIds = Set.copyOf(swornMunicipalityIds);
    }

    public boolean worksAt(long schoolId) {
        return schoolIds.contains(schoolId);
    }
}
