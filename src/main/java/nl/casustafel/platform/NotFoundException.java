package nl.casustafel.platform;

/**
 * "Not found" for something that does not exist and for something the caller may not see alike: one
 * answer (404, one Dutch text) for both, so that an error reveals no existence (issue 10, finding e).
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException() {
        super("Dit bestaat niet, of u mag het niet zien.");
    }
}
