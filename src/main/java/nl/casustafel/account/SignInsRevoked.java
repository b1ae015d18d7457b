package nl.casustafel.account;

/**
 * Published when every sign-in of an account has been revoked (deactivation, password change), so that
 * the UI can close that account's open browser sessions at once.
 */
public record SignInsRevoked(long userId) {
}
