package nl.casustafel.scaledown;

/** Why a table scales a case down (afschaling): the reasons the protocol names (seed 004, Bijlage 3.2/3.3). */
public enum ScaleDownReason {
    /** Terug in het onderwijs. */
    BACK_IN_EDUCATION,
    /** Aan het werk. */
    IN_WORK,
    /** Verhuisd. */
    MOVED,
    /** Anders (with an explanation). */
    OTHER
}
