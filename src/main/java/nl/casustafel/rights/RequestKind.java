package nl.casustafel.rights;

/** What a data subject asks for (art. 13.1 covenant, art. 15-21 AVG); the Dutch label is the covenant's word. */
public enum RequestKind {
    ACCESS("Inzage"),
    RECTIFICATION("Rectificatie"),
    RESTRICTION("Beperking van de verwerking"),
    OBJECTION("Bezwaar"),
    ERASURE("Verwijdering (recht om vergeten te worden)"),
    PORTABILITY("Overdracht van gegevens (dataportabiliteit)");

    private final String label;

    RequestKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
