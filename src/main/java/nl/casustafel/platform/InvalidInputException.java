package nl.casustafel.platform;

/**
 * A rule of the domain was broken by the input, for instance "a consent for a 13-year-old needs both
 * parent and pupil". Services throw it; the API answers 400 with a problem naming {@link #field()},
 * and a view can show {@link #getMessage()} beside that field. The message is Dutch, for the user.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final java.util.List<Problem.FieldError> errors;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
        this.errors = java.util.List.of(new Problem.FieldError(field, message));
    }

    /** Several invalid fields at once (e.g. the rejected rows of a batch); the first names {@link #field()}. */
    public InvalidInputException(String message, java.util.List<Problem.FieldError> errors) {
        super(message);
        this.field = errors.isEmpty() ? "" : errors.getFirst().field();
        this.errors = java.util.List.copyOf(errors);
    }

    public java.util.List<Problem.FieldError> errors() {
        return errors;
    }

    public String field() {
        return field;
    }
}
