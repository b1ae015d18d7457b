package nl.casustafel.account;

import java.util.List;

/** The outcome of confirming a second factor with its first code. */
public sealed interface EnrolmentResult {

    /** Enrolled and signed in; the recovery codes are in plain this once, to show the user. */
    record Confirmed(Viewer viewer, List<String> recoveryCodes) implements EnrolmentResult {
        public Confirmed {
            recoveryCodes = List.copyOf(recoveryCodes);
        }
    }

    /** Wrong code ({@link SignIn.Refused}) or too many failed attempts ({@link SignIn.Locked}). */
    record Failed(SignIn outcome) implements EnrolmentResult {
    }
}
