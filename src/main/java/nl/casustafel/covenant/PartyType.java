package nl.casustafel.covenant;

/** The kinds of covenant party (convenantpartij). */
public enum PartyType {
    /** Gemeente, with its leerplicht and RMC officers. */
    MUNICIPALITY,
    /** Schoolbestuur. */
    SCHOOL_BOARD,
    /** Samenwerkingsverband passend onderwijs. */
    PARTNERSHIP,
    /** Jeugdgezondheidszorg / Centrum voor Jeugd en Gezin. */
    YOUTH_HEALTH,
    /** Jeugdhulpaanbieder, joined by accession form (toetredingsformulier). */
    YOUTH_CARE
}
