package nl.casustafel.account;

/**
 * A second factor being set up: the new secret (Base32, shown for typing into an app) and its
 * {@code otpauth://} address (shown as QR code). Held by the sign-in page until the first code confirms it.
 */
public record Enrolment(String username, String secret, String uri) {

    /** The secret in groups of four, easier to type over. */
    public String secretInGroups() {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    public String toString() {
        return "Enrolment[" + username + "]";
    }
}
