package nl.casustafel.covenant;

/** The pieces of pupil data a disclosure decision can allow. */
public enum PupilField {
    ALIAS, NAME, BIRTH_DATE, ADDRESS, RESIDENCE, BSN, SCHOOL, SCHOOL_YEAR, ABSENCE, HEALTH
}
