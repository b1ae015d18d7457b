package nl.casustafel.account;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.platform.InvalidInputException;

/**
 * Changes to an account that end its sign-ins: after deactivation or a new password, no token and no
 * browser session of the account counts any more, whoever holds it.
 */
@Singleton
public class AccountLifecycle {

    static final int MIN_PASSWORD_LENGTH = 12;

    private final UserAccountRepository accounts;
    private final PasswordHasher hasher;
    private final SignInSessions sessions;

    public AccountLifecycle(UserAccountRepository accounts, PasswordHasher hasher, SignInSessions sessions) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
    }

    /** Uitschakelen: the account can no longer sign in, and its open sessions end now. */
    @Transactional
    public void deactivate(long userId) {
        UserAccount account = existing(userId);
        accounts.update(withActive(account, false));
        sessions.revokeAll(userId);
    }

    /** A new password; every session opened with the old one ends now. */
    @Transactional
    public void changePassword(long userId, String newPassword) {
        if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "moet minstens " + MIN_PASSWORD_LENGTH + " tekens lang zijn");
        }
        UserAccount account = existing(userId);
        accounts.update(new UserAccount(account.id(), account.username(), account.displayName(), account.role(),
                account.partyId(), hasher.hash(newPassword), account.active()));
        sessions.revokeAll(userId);
    }

    private UserAccount existing(long userId) {
        return accounts.findById(userId)
                .orElseThrow(() -> new InvalidInputException("userId", "bestaat niet"));
    }

    private static UserAccount withActive(UserAccount account, boolean active) {
        return new UserAccount(account.id(), account.username(), account.displayName(), account.role(),
                account.partyId(), account.passwordHash(), active);
    }
}
