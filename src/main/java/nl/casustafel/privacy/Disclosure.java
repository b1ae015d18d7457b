package nl.casustafel.privacy;

/** How a viewer may see a pupil. */
public enum Disclosure {
    /** Herkenbaar: by name, with a legal basis. */
    IDENTIFIED,
    /** Gepseudonimiseerd: under an alias, with school year and absence figures only. */
    PSEUDONYMOUS,
    /** Niet zichtbaar. */
    NONE
}
