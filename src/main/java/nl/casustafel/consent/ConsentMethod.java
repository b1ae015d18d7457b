package nl.casustafel.consent;

/** How consent was given: verbally in the meeting (and recorded in writing there) or in writing. */
public enum ConsentMethod {
    VERBAL_IN_MEETING, WRITTEN
}
