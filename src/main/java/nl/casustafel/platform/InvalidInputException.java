package nl.casustafel.platform;

/**
 * A rule of the domain was broken by the input, for instance "a consent for a 13-year-old needs both
 * parent and pupil". Services throw it; the API answers 400 with a problem naming {@link #field()},
 * and a view can show {@link #getMessage()} beside that field. The message is Dutch, for the user.
 */
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
