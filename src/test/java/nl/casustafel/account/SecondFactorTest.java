package nl.casustafel.account;

import nl.casustafel.covenant.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import nl.casustafel.ApiClient;
import nl.casustafel.CasustafelTestProperties;
import nl.casustafel.DemoTotp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Covenant art. 10.2: every account signs in with password and second factor; codes are used once; failed codes are throttled. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondFactorTest implements CasustafelTestProperties {

    private static final String PASSWORD = ApiClient.DEMO_PASSWORD;

    @Inject
    AccountService accounts;
    @Inject
    SecondFactorService secondFactors;
    @Inject
    UserAccountRepository users;
    @Inject
    SecondFactorRepository factors;
    @Inject
    PasswordHasher hasher;
    @Inject
    Totp totp;

    @Test
    void everyDemoAccountHasTheDocumentedSecret() {
        for (UserAccount account : users.listOrderByDisplayName()) {
            assertTrue(secondFactors.enrolled(account.id()), account.username());
        }
        SignIn signIn = accounts.signIn("fg", PASSWORD, DemoTotp.code("fg"));
        assertEquals("fg", assertInstanceOf(SignIn.SignedIn.class, signIn).viewer().username());
    }

    @Test
    void signingInNeedsPasswordAndARightCodeAndACodeWorksOnce() {
        Account a = enrolledAccount();
        assertEquals(new SignIn.Refused(), accounts.signIn(a.username, PASSWORD, wrongCode(a.secret)));
        assertEquals(new SignIn.Refused(), accounts.signIn(a.username, PASSWORD, null));
        String code = DemoTotp.code(a.secret, a.username);
        assertEquals(new SignIn.Refused(), accounts.signIn(a.username, "fout", code), "right code, wrong password");
        assertInstanceOf(SignIn.SignedIn.class, accounts.signIn(a.username, PASSWORD, code));
        assertEquals(new SignIn.Refused(), accounts.signIn(a.username, PASSWORD, code), "the same code again is a replay");
    }

    @Test
    void aCodeOlderThanTheLastAcceptedOneIsRefusedToo() {
        Account a = enrolledAccount();
        long now = Totp.step(Instant.now());
        assertTrue(secondFactors.verify(a.id, totp.code(a.secret, now + 1)));
        assertFalse(secondFactors.verify(a.id, totp.code(a.secret, now)), "the current step, after the next one was used");
    }

    @Test
    void anAccountWithoutSecondFactorIsToldToSetItUpInTheWebApp() {
        Account a = newAccount();
        SignIn signIn = accounts.signIn(a.username, PASSWORD, "123456");
        SignIn.EnrolmentRequired required = assertInstanceOf(SignIn.EnrolmentRequired.class, signIn);
        assertTrue(required.message().contains("webapplicatie"), required.message());
        assertEquals(new SignIn.Refused(), accounts.signIn(a.username, "fout", "123456"), "a wrong password says nothing more");
    }

    @Test
    void enrolmentStoresTheSecretOnlyAfterARightCodeAndGivesTenRecoveryCodesThatWorkOnce() {
        Account a = newAccount();
        PendingSignIn pending = passed(accounts.checkPassword(a.username, PASSWORD));
        assertFalse(pending.enrolled());
        Enrolment enrolment = accounts.startEnrolment(pending);

        EnrolmentResult.Failed failed = assertInstanceOf(EnrolmentResult.Failed.class,
                accounts.confirmEnrolment(pending, enrolment, wrongCode(enrolment.secret())));
        assertEquals(new SignIn.Refused(), failed.outcome());
        assertFalse(secondFactors.enrolled(a.id), "nothing stored after a wrong code");

        EnrolmentResult.Confirmed confirmed = assertInstanceOf(EnrolmentResult.Confirmed.class,
                accounts.confirmEnrolment(pending, enrolment, DemoTotp.code(enrolment.secret(), a.username)));
        assertEquals(a.username, confirmed.viewer().username());
        List<String> recoveryCodes = confirmed.recoveryCodes();
        assertEquals(10, new HashSet<>(recoveryCodes).size());
        assertTrue(secondFactors.enrolled(a.id));
        assertTrue(factors.find(a.id).orElseThrow().secret().endsWith(enrolment.secret()), "no key in tests: stored plain");

        String recovery = recoveryCodes.get(3);
        assertInstanceOf(SignIn.SignedIn.class, accounts.signIn(a.username, PASSWORD, recovery.toUpperCase().replace("-", " ")),
                "case, spaces and dashes do not matter");
        assertEquals(new SignIn.Refused(), accounts.signIn(a.username, PASSWORD, recovery), "a recovery code works once");
        assertEquals(9, secondFactors.unusedRecoveryCodes(a.id));
        assertInstanceOf(SignIn.SignedIn.class, accounts.signIn(a.username, PASSWORD, DemoTotp.code(enrolment.secret(), a.username)),
                "the app works after enrolment");
    }

    @Test
    void failedCodesCountLikeFailedPasswordsUnderTheSameUsername() {
        Account a = enrolledAccount();
        assertEquals(new SignIn.Refused(), accounts.signIn(a.username, "fout-1", "000000"));
        assertEquals(new SignIn.Refused(), accounts.signIn(a.username, "fout-2", "000000"));
        PendingSignIn pending = passed(accounts.checkPassword(a.username, PASSWORD));
        assertEquals(new SignIn.Refused(), accounts.checkCode(pending, wrongCode(a.secret)));
        assertEquals(new SignIn.Refused(), accounts.checkCode(pending, wrongCode(a.secret)));
        assertEquals(new SignIn.Refused(), accounts.signIn(a.username, PASSWORD, wrongCode(a.secret)));

        SignIn.Locked locked = assertInstanceOf(SignIn.Locked.class, accounts.checkCode(pending, DemoTotp.code(a.secret, a.username)),
                "five failures, passwords and codes together, lock the username even for the right code");
        assertEquals(1, locked.minutes());
        assertInstanceOf(SignIn.Locked.class, accounts.signIn(a.username, PASSWORD, DemoTotp.code(a.secret, a.username)));
        assertInstanceOf(FirstFactor.Failed.class, accounts.checkPassword(a.username, PASSWORD));
    }

    @Test
    void aRightPasswordAloneDoesNotForgetEarlierFailures() {
        Account a = enrolledAccount();
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(FirstFactor.Failed.class, accounts.checkPassword(a.username, "fout-" + i));
        }
        PendingSignIn pending = passed(accounts.checkPassword(a.username, PASSWORD));
        assertEquals(new SignIn.Refused(), accounts.checkCode(pending, wrongCode(a.secret)));
        assertInstanceOf(SignIn.Locked.class, accounts.checkCode(pending, DemoTotp.code(a.secret, a.username)));
    }

    @Test
    void aSuccessfulSecondStepForgetsTheFailures() {
        Account a = enrolledAccount();
        for (int i = 0; i < 4; i++) {
            accounts.checkPassword(a.username, "fout-" + i);
        }
        PendingSignIn pending = passed(accounts.checkPassword(a.username, PASSWORD));
        assertInstanceOf(SignIn.SignedIn.class, accounts.checkCode(pending, DemoTotp.code(a.secret, a.username)));
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(FirstFactor.Failed.class, accounts.checkPassword(a.username, "fout-" + i));
        }
        assertInstanceOf(FirstFactor.Passed.class, accounts.checkPassword(a.username, PASSWORD));
    }

    @Test
    void resetClearsSecretAndRecoveryCodesSoTheAccountEnrolsAgain() {
        Account a = newAccount();
        PendingSignIn pending = passed(accounts.checkPassword(a.username, PASSWORD));
        Enrolment enrolment = accounts.startEnrolment(pending);
        List<String> recoveryCodes = assertInstanceOf(EnrolmentResult.Confirmed.class,
                accounts.confirmEnrolment(pending, enrolment, DemoTotp.code(enrolment.secret(), a.username))).recoveryCodes();

        accounts.resetSecondFactor(a.id);

        assertFalse(secondFactors.enrolled(a.id));
        assertEquals(0, secondFactors.unusedRecoveryCodes(a.id));
        assertInstanceOf(SignIn.EnrolmentRequired.class, accounts.signIn(a.username, PASSWORD, recoveryCodes.getFirst()));
        assertFalse(passed(accounts.checkPassword(a.username, PASSWORD)).enrolled());
    }

    private record Account(long id, String username, String secret) {
    }

    private final List<Long> made = new java.util.ArrayList<>();

    /** Test JVMs share one database: the accounts made here go, so that other tests see only the demo accounts. */
    @AfterAll
    void deleteAccountsMadeHere() {
        made.forEach(users::deleteById);
    }

    private Account newAccount() {
        UserAccount beheer = users.findByUsername("beheer").orElseThrow();
        String username = "test." + UUID.randomUUID().toString().substring(0, 8);
        UserAccount account = users.save(new UserAccount(null, username, "Nieuwe Collega", Role.ADMIN, beheer.partyId(),
                hasher.hash(PASSWORD), true));
        made.add(account.id());
        return new Account(account.id(), username, null);
    }

    private Account enrolledAccount() {
        Account account = newAccount();
        String secret = totp.newSecret();
        secondFactors.enrolWithKnownSecret(account.id, secret);
        return new Account(account.id, account.username, secret);
    }

    private static String wrongCode(String secret) {
        return DemoTotp.wrongCode(secret);
    }

    private static PendingSignIn passed(FirstFactor firstFactor) {
        return assertInstanceOf(FirstFactor.Passed.class, firstFactor).pending();
    }
}
