package nl.casustafel.account;

import jakarta.inject.Singleton;
import nl.casustafel.covenant.Party;
import nl.casustafel.covenant.PartyRepository;

import java.util.Optional;

/** The one user store and the one password check, for the REST API and the Vaadin UI alike. */
@Singleton
public class AccountService {

    private final UserAccountRepository accounts;
    private final PartyRepository parties;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;

    public AccountService(UserAccountRepository accounts, PartyRepository parties, PasswordHasher hasher,
                          SignInThrottle throttle) {
        this.accounts = accounts;
        this.parties = parties;
        this.hasher = hasher;
        this.throttle = throttle;
    }

    /** Signs in with these credentials, unless too many attempts for this username failed just now. */
    public SignIn signIn(String username, String password) {
        if (username == null || password == null) {
            return new SignIn.Refused();
        }
        return throttle.attempt(username, () -> check(username, password));
    }

    private Optional<Viewer> check(String username, String password) {
        Optional<UserAccount> account = accounts.findByUsername(username.trim()).filter(UserAccount::active);
        if (account.isEmpty()) {
            hasher.matchesNothing(password);
            return Optional.empty();
        }
        if (!hasher.matches(password, account.get().passwordHash())) {
            return Optional.empty();
        }
        return Optional.of(toViewer(account.get()));
    }

    /** The viewer behind a signed-in username (from a JWT or the UI session). */
    public Optional<Viewer> viewer(String username) {
        return accounts.findByUsername(username).filter(UserAccount::active).map(this::toViewer);
    }

    private Viewer toViewer(UserAccount account) {
        Party party = parties.findById(account.partyId()).orElseThrow();
        return new Viewer(account.id(), account.username(), account.displayName(), account.role(),
                party.id(), party.name(), party.type(),
                accounts.findSchoolIds(account.id()),
                accounts.findSwornMunicipalityIds(account.id()));
    }
}
