package nl.casustafel.meeting;

/** Whether a participant of the table attended a meeting, as the chair recorded it. */
public enum Presence {
    /** Aanwezig. */
    PRESENT,
    /** Afwezig, zonder afmelding. */
    ABSENT,
    /** Afwezig met kennisgeving (afgemeld). */
    EXCUSED
}
