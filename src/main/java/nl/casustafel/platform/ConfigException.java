package nl.casustafel.platform;

/** A configuration file under {@code config/} is broken; the message names the file, line and field. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
