package nl.casustafel.privacy;

import nl.casustafel.platform.ConfigException;

/** A stored BSN does not decrypt with the keys given: the wrong key, or an old one without CASUSTAFEL_BSN_KEY_OLD. */
public class BsnKeyMismatchException extends ConfigException {
    public BsnKeyMismatchException(String message) {
        super(message);
    }
}
