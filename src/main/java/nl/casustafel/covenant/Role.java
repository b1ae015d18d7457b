package nl.casustafel.covenant;


import java.util.EnumSet;
import java.util.Set;

/** The roles at the table (PRODUCT.md "Who uses it"), each tied to the party types it can belong to. */
public enum Role {
    /** Zorgcoördinator / coördinator onderwijsondersteuning. */
    CARE_COORDINATOR(EnumSet.of(PartyType.SCHOOL_BOARD)),
    /** Jeugdverpleegkundige (CJG, JGZ). */
    YOUTH_NURSE(EnumSet.of(PartyType.YOUTH_HEALTH)),
    /** Jeugdarts (CJG, JGZ). */
    YOUTH_DOCTOR(EnumSet.of(PartyType.YOUTH_HEALTH)),
    /** Leerplichtambtenaar or RMC officer. */
    ATTENDANCE_OFFICER(EnumSet.of(PartyType.MUNICIPALITY)),
    /** Coördinator samenwerkingsverband. */
    PARTNERSHIP_COORDINATOR(EnumSet.of(PartyType.PARTNERSHIP)),
    /** Kernteam member of the samenwerkingsverband (BPO, orthopedagoog). */
    SUPPORT_EXPERT(EnumSet.of(PartyType.PARTNERSHIP)),
    /** Schoolmaatschappelijk werk. */
    SOCIAL_WORKER(EnumSet.of(PartyType.YOUTH_CARE)),
    /** Jeugdhulpaanbieder. */
    YOUTH_CARE_PROVIDER(EnumSet.of(PartyType.YOUTH_CARE)),
    /** Functionaris gegevensbescherming: no case content. */
    PRIVACY_OFFICER(EnumSet.allOf(PartyType.class)),
    /** Beheerder: no case content. */
    ADMIN(EnumSet.allOf(PartyType.class));

    private final Set<PartyType> partyTypes;

    Role(Set<PartyType> partyTypes) {
        this.partyTypes = partyTypes;
    }

    public boolean belongsTo(PartyType type) {
        return partyTypes.contains(type);
    }

    /** School staff see their own schools' pupils. */
    public boolean isSchoolStaff() {
        return this == CARE_COORDINATOR;
    }

    /** Roles that manage the platform and never see case content. */
    public boolean isGovernance() {
        return this == PRIVACY_OFFICER || this == ADMIN;
    }
}
