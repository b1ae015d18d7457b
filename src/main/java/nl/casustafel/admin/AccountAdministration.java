package nl.casustafel.admin;

import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.AccountLifecycle;
import nl.casustafel.account.AccountService;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.SecondFactorService;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.Accounts;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.Municipality;
import nl.casustafel.covenant.Municipalities;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.school.School;
import nl.casustafel.school.Schools;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Accountbeheer: a beheerder (ADMIN) creates, deactivates and reactivates the accounts of its own party and
 * resets their password or second factor. Another party's account is "not found", as one that does not
 * exist. Deactivation and both resets end every sign-in of the account at once. A new or reset password is
 * a temporary one that the server makes up and gives back once, for the beheerder to pass on; only its
 * hash is kept. Every act is written to the beheerlogboek in the same transaction.
 */
@Singleton
public class AccountAdministration {

    /** How many rows of the beheerlogboek a screen or the API shows. */
    static final int LOG_ROWS = 500;

    private final AccountLifecycle lifecycle;
    private final AccountService accountService;
    private final SecondFactorService secondFactors;
    private final Accounts accounts;
    private final Schools schools;
    private final Municipalities municipalities;
    private final AccountAdminLogRepository log;
    private final NewAccountRules rules;
    private final Clock clock;
    private final RecoveryCodeGenerator passwords = new RecoveryCodeGenerator();

    public AccountAdministration(AccountLifecycle lifecycle, AccountService accountService, SecondFactorService secondFactors,
                                 Accounts accounts, Schools schools, Municipalities municipalities,
                                 AccountAdminLogRepository log, NewAccountRules rules, Clock clock) {
        this.lifecycle = lifecycle;
        this.accountService = accountService;
        this.secondFactors = secondFactors;
        this.accounts = accounts;
        this.schools = schools;
        this.municipalities = municipalities;
        this.log = log;
        this.rules = rules;
        this.clock = clock;
    }

    /** An account of the beheerder's party as the beheerder sees it: no password, no secret, no case content. */
    @Serdeable
    public record AccountRow(long id, String username, String displayName, Role role, boolean active,
                             boolean secondFactorEnrolled, List<String> schools, List<String> swornFor) {
    }

    /** A new account and its temporary password, shown this once. */
    @Serdeable
    public record Created(AccountRow account, String temporaryPassword) {
    }

    @Transactional(readOnly = true)
    public List<AccountRow> accounts(Viewer admin) {
        requireAdmin(admin);
        return accounts.findByPartyIdOrderByDisplayName(admin.partyId()).stream().map(this::row).toList();
    }

    @Transactional(readOnly = true)
    public AccountRow account(Viewer admin, long accountId) {
        requireAdmin(admin);
        return row(ownAccount(admin, accountId));
    }

    /** The roles this beheerder may give, the schools and the municipality it may tie an account to. */
    public List<Role> roles(Viewer admin) {
        return rules.rolesFor(admin);
    }

    public List<School> schools(Viewer admin) {
        return rules.ownSchools(admin);
    }

    public List<Municipality> municipalities(Viewer admin) {
        Long own = rules.ownMunicipality(admin);
        return own == null ? List.of() : municipalities.findById(own).stream().toList();
    }

    @Transactional
    public Created create(Viewer admin, NewAccountRules.NewAccount input) {
        requireAdmin(admin);
        NewAccountRules.Checked account = rules.check(admin, input);
        String password = temporaryPassword();
        UserAccount created = lifecycle.create(account.username(), account.displayName(), account.role(), account.partyId(),
                password, account.schoolIds(), account.swornMunicipalityIds());
        write(admin, created, AccountAdminAction.CREATED, "rol " + created.role());
        return new Created(row(created), password);
    }

    /** Uitschakelen: no sign-in any more, every open session ends now. Not one's own account. */
    @Transactional
    public AccountRow deactivate(Viewer admin, long accountId) {
        requireAdmin(admin);
        UserAccount account = ownAccount(admin, accountId);
        if (account.id() == admin.userId()) {
            throw new InvalidInputException("accountId", "U kunt uw eigen account niet uitschakelen; vraag een andere beheerder.");
        }
        if (!account.active()) {
            throw new InvalidInputException("accountId", "Dit account is al uitgeschakeld.");
        }
        lifecycle.deactivate(account.id());
        write(admin, account, AccountAdminAction.DEACTIVATED, null);
        return row(accounts.findById(account.id()).orElseThrow());
    }

    /** Weer inschakelen: the account signs in again with its password and second factor; old sessions stay ended. */
    @Transactional
    public AccountRow reactivate(Viewer admin, long accountId) {
        requireAdmin(admin);
        UserAccount account = ownAccount(admin, accountId);
        if (account.active()) {
            throw new InvalidInputException("accountId", "Dit account is al actief.");
        }
        lifecycle.reactivate(account.id());
        write(admin, account, AccountAdminAction.REACTIVATED, null);
        return row(accounts.findById(account.id()).orElseThrow());
    }

    /**
     * A new temporary password in place of the old one, returned this once; every session ends now. The
     * second factor stays: the temporary password alone signs no one in, not even the beheerder.
     */
    @Transactional
    public String resetPassword(Viewer admin, long accountId) {
        requireAdmin(admin);
        UserAccount account = ownAccount(admin, accountId);
        String password = temporaryPassword();
        lifecycle.changePassword(account.id(), password);
        write(admin, account, AccountAdminAction.PASSWORD_RESET, null);
        return password;
    }

    /** The second factor is cleared and every session ends: the account enrols again at its next sign-in. */
    @Transactional
    public AccountRow resetSecondFactor(Viewer admin, long accountId) {
        requireAdmin(admin);
        UserAccount account = ownAccount(admin, accountId);
        accountService.resetSecondFactor(account.id());
        write(admin, account, AccountAdminAction.SECOND_FACTOR_RESET, null);
        return row(account);
    }

    /** The beheerlogboek, newest first: the beheerder's own party, or every party for the functionaris gegevensbescherming. */
    @Transactional(readOnly = true)
    public List<AccountAdminLogRepository.Row> log(Viewer viewer) {
        return switch (viewer.role()) {
            case ADMIN -> log.newest(viewer.partyId(), LOG_ROWS);
            case PRIVACY_OFFICER -> log.newest(null, LOG_ROWS);
            default -> throw new NotFoundException();
        };
    }

    private UserAccount ownAccount(Viewer admin, long accountId) {
        return accounts.findById(accountId).filter(a -> a.partyId() == admin.partyId()).orElseThrow(NotFoundException::new);
    }

    private static void requireAdmin(Viewer viewer) {
        if (viewer.role() != Role.ADMIN) {
            throw new NotFoundException();
        }
    }

    private void write(Viewer admin, UserAccount account, AccountAdminAction action, @Nullable String detail) {
        log.save(new AccountAdminLogEntry(null, clock.instant(), admin.userId(), admin.partyId(), account.id(),
                account.username(), action, detail));
    }

    /** 16 random characters of a-z and 0-9 in four groups (about 82 bits), by the library that makes recovery codes. */
    private String temporaryPassword() {
        return passwords.generateCodes(1)[0];
    }

    private AccountRow row(UserAccount account) {
        List<String> schoolNames = schools.findByIdInOrderByName(accounts.findSchoolIds(account.id())).stream()
                .map(School::name).toList();
        Map<Long, String> municipalityNames = municipalities.listOrderByName().stream()
                .collect(Collectors.toMap(Municipality::id, Municipality::name));
        return new AccountRow(account.id(), account.username(), account.displayName(), account.role(), account.active(),
                secondFactors.enrolled(account.id()), schoolNames,
                names(accounts.findSwornMunicipalityIds(account.id()), municipalityNames));
    }

    private static List<String> names(Set<Long> ids, Map<Long, String> names) {
        return ids.stream().map(names::get).sorted().toList();
    }
}
