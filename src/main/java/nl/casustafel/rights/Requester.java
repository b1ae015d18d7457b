package nl.casustafel.rights;

/** Who made the request: the pupil (betrokkene) or a parent or guardian (wettelijk vertegenwoordiger). */
public enum Requester {
    PUPIL("de leerling"),
    PARENT("de ouder of voogd");

    private final String label;

    Requester(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
