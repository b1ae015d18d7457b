package nl.casustafel.account;

/** The outcome of the password step of the sign-in in the web app. */
public sealed interface FirstFactor {

    /** The password is right; the second factor (or its enrolment) comes next. */
    record Passed(PendingSignIn pending) implements FirstFactor {
    }

    /** Refused or locked, as {@link SignIn.Refused} or {@link SignIn.Locked}. */
    record Failed(SignIn outcome) implements FirstFactor {
    }
}
