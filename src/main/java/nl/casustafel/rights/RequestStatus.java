package nl.casustafel.rights;

/** Open until the chair decides: granted (toegewezen) or refused (afgewezen, with a written motivation). */
public enum RequestStatus {
    OPEN("Open"),
    GRANTED("Toegewezen"),
    REFUSED("Afgewezen");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
