package nl.casustafel.rights;

/** The kind of datum a rectification or erasure names; the Dutch word is the label. */
public enum TargetKind {
    PUPIL("Leerlinggegeven"),
    NOTE("Aantekening"),
    OUTCOME("Uitkomst"),
    ACTION("Actie");

    private final String label;

    TargetKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
