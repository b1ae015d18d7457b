package nl.casustafel.school;

/** Onderwijssector. Absence hours count as clock hours in PO and lesson hours in VO/MBO. */
public enum Sector {
    /** Primair onderwijs. */
    PO,
    /** Voortgezet onderwijs. */
    VO,
    /** Middelbaar beroepsonderwijs. */
    MBO
}
