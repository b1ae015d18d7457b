package nl.casustafel.account;

/**
 * A sign-in whose password was right but whose second factor is still to come. It is no
 * {@link Viewer}: it opens nothing but the second step. Only {@link AccountService} makes one.
 */
public final class PendingSignIn {

    private final long userId;
    private final String username;
    private final boolean enrolled;

    PendingSignIn(long userId, String username, boolean enrolled) {
        this.userId = userId;
        this.username = username;
        this.enrolled = enrolled;
    }

    long userId() {
        return userId;
    }

    String username() {
        return username;
    }

    /** Whether the account has a second factor (else it enrols now). */
    public boolean enrolled() {
        return enrolled;
    }
}
