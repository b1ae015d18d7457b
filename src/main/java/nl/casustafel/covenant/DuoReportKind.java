package nl.casustafel.covenant;

/** The kinds of verzuimmelding a school makes at DUO's verzuimloket. */
public enum DuoReportKind {
    /** Relatief verzuim: 16 uur of meer ongeoorloofd in 4 aaneengesloten lesweken. */
    RELATIVE_16H,
    /** Overig (beginnend) relatief verzuim, onder de meldgrens. */
    OTHER_RELATIVE,
    /** Luxeverzuim. */
    LUXURY,
    /** Vermoedelijk ongeoorloofd ziekteverzuim. */
    SUSPECTED_UNAUTHORISED_SICKNESS,
    /** Absoluut verzuim: niet ingeschreven. */
    ABSOLUTE
}
