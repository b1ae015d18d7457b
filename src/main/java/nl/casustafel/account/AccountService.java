package nl.casustafel.account;

import jakarta.inject.Singleton;
import nl.casustafel.covenant.Party;
import nl.casustafel.covenant.Parties;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one user store and the one sign-in check, for the REST API and the Vaadin UI alike. Every account
 * has a second factor (covenant art. 10.2): a code from an authenticator app (TOTP) or a recovery code.
 * Failed codes count in the {@link SignInThrottle} like failed passwords, under the same username.
 */
@Singleton
public class AccountService {

    private final UserAccountRepository accounts;
    private final Parties parties;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final SecondFactorService secondFactors;
    private final SignInSessions sessions;

    public AccountService(UserAccountRepository accounts, Parties parties, PasswordHasher hasher,
                          SignInThrottle throttle, SecondFactorService secondFactors, SignInSessions sessions) {
        this.accounts = accounts;
        this.parties = parties;
        this.hasher = hasher;
        this.throttle = throttle;
        this.secondFactors = secondFactors;
        this.sessions = sessions;
    }

    /**
     * Signs in with password and code in one call (the API): {@link SignIn.SignedIn} only when both are
     * right, {@link SignIn.EnrolmentRequired} when the password is right but the account has no second
     * factor yet, else refused or locked. The code may be a code of the app or an unused recovery code.
     */
    public SignIn signIn(String username, String password, String code) {
        if (username == null || password == null) {
            return new SignIn.Refused();
        }
        SignInThrottle.Attempt attempt = throttle.begin(username);
        if (attempt.locked().isPresent()) {
            return attempt.locked().get();
        }
        Optional<UserAccount> account = passwordMatches(username.trim(), password);
        if (account.isEmpty()) {
            attempt.failed();
            return new SignIn.Refused();
        }
        long userId = account.get().id();
        if (!secondFactors.enrolled(userId)) {
            attempt.passedFirstStep();
            return new SignIn.EnrolmentRequired();
        }
        if (!secondFactors.verify(userId, code)) {
            attempt.failed();
            return new SignIn.Refused();
        }
        attempt.succeeded();
        return new SignIn.SignedIn(toViewer(account.get()));
    }

    /** Step 1 in the web app: the password. A right one leads to the second factor, not to a signed-in user. */
    public FirstFactor checkPassword(String username, String password) {
        if (username == null || password == null) {
            return new FirstFactor.Failed(new SignIn.Refused());
        }
        SignInThrottle.Attempt attempt = throttle.begin(username);
        if (attempt.locked().isPresent()) {
            return new FirstFactor.Failed(attempt.locked().get());
        }
        Optional<UserAccount> account = passwordMatches(username.trim(), password);
        if (account.isEmpty()) {
            attempt.failed();
            return new FirstFactor.Failed(new SignIn.Refused());
        }
        attempt.passedFirstStep();
        long userId = account.get().id();
        return new FirstFactor.Passed(new PendingSignIn(userId, account.get().username(), secondFactors.enrolled(userId)));
    }

    /** Step 2 in the web app for an enrolled account: a code of the app or a recovery code. */
    public SignIn checkCode(PendingSignIn pending, String code) {
        return throttle.attempt(pending.username(),
                () -> secondFactors.verify(pending.userId(), code) ? activeViewer(pending) : Optional.empty());
    }

    /** Step 2 in the web app for an account without a second factor: a new secret to set up. */
    public Enrolment startEnrolment(PendingSignIn pending) {
        if (pending.enrolled()) {
            throw new IllegalStateException("Account " + pending.userId() + " has a second factor already");
        }
        return secondFactors.newEnrolment(pending.username());
    }

    public byte[] qrPng(Enrolment enrolment) {
        return secondFactors.qrPng(enrolment);
    }

    /** Confirms the new second factor with its first code: signed in, with recovery codes to show once. */
    public EnrolmentResult confirmEnrolment(PendingSignIn pending, Enrolment enrolment, String code) {
        if (!enrolment.username().equals(pending.username())) {
            throw new IllegalArgumentException("Enrolment of another account");
        }
        AtomicReference<List<String>> recoveryCodes = new AtomicReference<>();
        SignIn outcome = throttle.attempt(pending.username(), () -> secondFactors.confirm(pending.userId(), enrolment, code)
                .flatMap(codes -> {
                    recoveryCodes.set(codes);
                    return activeViewer(pending);
                }));
        return outcome instanceof SignIn.SignedIn(Viewer viewer)
                ? new EnrolmentResult.Confirmed(viewer, recoveryCodes.get())
                : new EnrolmentResult.Failed(outcome);
    }

    /**
     * Clears the second factor of an account (lost phone, no recovery codes left): it enrols again at its
     * next sign-in in the web app.
     */
    @io.micronaut.transaction.annotation.Transactional
    public void resetSecondFactor(long userId) {
        secondFactors.reset(userId);
        sessions.revokeAll(userId);
    }

    /**
     * After a sign-in with the organisation's own account (OpenID Connect) whose provider's second factor
     * does not count: the account, if active, continues at the second step (code or enrolment) as after
     * a right password. The caller has checked the provider's identity and its link to this account.
     */
    public Optional<PendingSignIn> afterOrganisationSignIn(long userId) {
        return accounts.findById(userId).filter(UserAccount::active)
                .map(account -> new PendingSignIn(account.id(), account.username(), secondFactors.enrolled(account.id())));
    }

    /**
     * After a sign-in with the organisation's own account whose provider has checked a second factor that
     * the configuration accepts (covenant art. 10.2): the viewer, if the account is active. The caller has
     * checked the provider's identity, its link to this account and the provider's multi-factor claim.
     */
    public Optional<Viewer> organisationSignedIn(long userId) {
        return accounts.findById(userId).filter(UserAccount::active).map(this::toViewer);
    }

    /** The viewer behind a signed-in username (from a JWT or the UI session). */
    public Optional<Viewer> viewer(String username) {
        return accounts.findByUsername(username).filter(UserAccount::active).map(this::toViewer);
    }

    private Optional<UserAccount> passwordMatches(String username, String password) {
        Optional<UserAccount> account = accounts.findByUsername(username).filter(UserAccount::active);
        if (account.isEmpty()) {
            hasher.matchesNothing(password);
            return Optional.empty();
        }
        return hasher.matches(password, account.get().passwordHash()) ? account : Optional.empty();
    }

    private Optional<Viewer> activeViewer(PendingSignIn pending) {
        return accounts.findById(pending.userId()).filter(UserAccount::active).map(this::toViewer);
    }

    private Viewer toViewer(UserAccount account) {
        Party party = parties.findById(account.partyId()).orElseThrow();
        return new Viewer(account.id(), account.username(), account.displayName(), account.role(),
                party.id(), party.name(), party.type(),
                accounts.findSchoolIds(account.id()),
                accounts.findSwornMunicipalityIds(account.id()));
    }
}
