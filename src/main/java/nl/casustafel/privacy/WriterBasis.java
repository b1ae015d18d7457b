package nl.casustafel.privacy;

/**
 * The basis under which the writer of a piece of case content saw the pupil when writing it (part of
 * its provenance): enrolment at the writer's school, a DUO report, a consent, a notification of the
 * parents, or under the alias only.
 */
public enum WriterBasis {
    ENROLMENT, DUO_REPORT, CONSENT, NOTIFICATION, PSEUDONYMOUS;

    /** The basis of a writer who sees the pupil as the viewer record says. */
    public static WriterBasis of(ContentViewer writer) {
        if (writer.disclosure() != Disclosure.IDENTIFIED) {
            return PSEUDONYMOUS;
        }
        return switch (writer.basis().kind()) {
            case ENROLMENT -> ENROLMENT;
            case DUO_REPORT -> DUO_REPORT;
            case CONSENT -> CONSENT;
            case NOTIFICATION -> NOTIFICATION;
            // Supervision never comes out of the disclosure policy: the privacy officer writes no case content.
            case NONE, SUPERVISION -> PSEUDONYMOUS;
        };
    }

    /** How the writer saw the pupil: by name, or under the alias. */
    public Disclosure writtenUnder() {
        return this == PSEUDONYMOUS ? Disclosure.PSEUDONYMOUS : Disclosure.IDENTIFIED;
    }
}
