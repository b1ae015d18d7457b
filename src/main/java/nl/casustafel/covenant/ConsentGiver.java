package nl.casustafel.covenant;

/** Who gives consent: the pupil (betrokkene) or a parent or guardian (wettelijk vertegenwoordiger). */
public enum ConsentGiver {
    PUPIL, PARENT
}
