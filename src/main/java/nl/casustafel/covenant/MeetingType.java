package nl.casustafel.covenant;

/** The three case conferences of the covenant's Bijlage 3; their settings come from the covenant file. */
public enum MeetingType {
    /** Verzuimoverleg: one VO school, beginning absence below the reporting threshold. */
    VERZUIMOVERLEG,
    /** Schoolondersteuningsteam: one school, a pupil with a hulpvraag. */
    SOT,
    /** Thuiszitterstafel: the samenwerkingsverband, pupils (partly) out of school. */
    THUISZITTERSTAFEL
}
