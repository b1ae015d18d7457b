package nl.casustafel.platform;

/** Input that breaks a rule: names the field and says in Dutch what to do; the API answers 400. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
