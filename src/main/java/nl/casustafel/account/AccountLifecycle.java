package nl.casustafel.account;

import nl.casustafel.covenant.Role;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.platform.InvalidInputException;

import java.util.Optional;
import java.util.Set;

/**
 * Creating accounts and the changes to an account that end its sign-ins: after deactivation or a new
 * password, no token and no browser session of the account counts any more, whoever holds it. Who may do
 * this to which account is the caller's business (the beheerder's, in {@code admin}).
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

    /** The account as it is stored, if it exists. */
    public Optional<UserAccount> find(long userId) {
        return accounts.findById(userId);
    }

    public boolean usernameTaken(String username) {
        return accounts.findByUsername(username).isPresent();
    }

    /**
     * A new, active account without a second factor (it enrols at its first sign-in in the web app), tied to
     * these schools and sworn for these municipalities. The caller has checked role, party and ties.
     */
    @Transactional
    public UserAccount create(String username, String displayName, Role role, long partyId, String password,
                              Set<Long> schoolIds, Set<Long> swornMunicipalityIds) {
        requireStrong(password);
        UserAccount account = accounts.save(new UserAccount(null, username, displayName, role, partyId,
                hasher.hash(password), true));
        schoolIds.forEach(schoolId -> accounts.addSchool(account.id(), schoolId));
        swornMunicipalityIds.forEach(municipalityId -> accounts.addSwornMunicipality(account.id(), municipalityId));
        return account;
    }

    /** Weer inschakelen: the account can sign in again; sessions ended by the deactivation stay ended. */
    @Transactional
    public void reactivate(long userId) {
        accounts.update(withActive(existing(userId), true));
    }

    /** A new password; every session opened with the old one ends now. */
    @Transactional
    public void changePassword(long userId, String newPassword) {
        requireStrong(newPassword);
        UserAccount account = existing(userId);
        accounts.update(new UserAccount(account.id(), account.username(), account.displayName(), account.role(),
                account.partyId(), hasher.hash(newPassword), account.active()));
        sessions.revokeAll(userId);
    }

    private static void requireStrong(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "moet minstens " + MIN_PASSWORD_LENGTH + " tekens lang zijn");
        }
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
