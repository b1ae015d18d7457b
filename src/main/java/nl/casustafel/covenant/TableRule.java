package nl.casustafel.covenant;

/** A cell of the thuiszitterstafel table (protocol §5): what a party needs before it sees the pupil by name. */
public enum TableRule {
    /** "x": the parents are told the pupil is discussed (a recorded notification). */
    NOTIFY,
    /** "Toestemming vragen": consent for this party. */
    ASK_CONSENT,
    /** "Na DUO melding": an open DUO report. */
    AFTER_DUO,
    /** "Na DUO melding / Toestemming vragen": either. */
    AFTER_DUO_OR_CONSENT;

    public boolean acceptsDuoReport() {
        return this == AFTER_DUO || this == AFTER_DUO_OR_CONSENT;
    }

    public boolean acceptsConsent() {
        return this == ASK_CONSENT || this == AFTER_DUO_OR_CONSENT;
    }

    public boolean acceptsNotification() {
        return this == NOTIFY;
    }
}
