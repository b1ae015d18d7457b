package nl.casustafel.account;

import java.time.Duration;

/** The outcome of a sign-in attempt (aanmelden), for the UI and {@code POST /login} alike. */
public sealed interface SignIn {

    /** Username and password match an active account (and the second factor, where asked). */
    record SignedIn(Viewer viewer) implements SignIn {
    }

    /** Wrong username or password, or wrong code; which of them is not said. */
    record Refused() implements SignIn {
    }

    /**
     * The password is right but the account has no second factor yet: it is set up at the next sign-in in
     * the web app (with the QR code), not through the API.
     */
    record EnrolmentRequired() implements SignIn {

        /** The Dutch message for the API. */
        public String message() {
            return "Voor dit account is nog geen tweede factor ingesteld. Meld u eerst aan in de webapplicatie "
                    + "en stel daar de tweede factor (authenticator-app) in; daarna kunt u hier aanmelden met de code uit de app.";
        }
    }

    /** Too many failed attempts for this username: refused without checking the password. */
    record Locked(Duration retryAfter) implements SignIn {

        /** The wait in whole minutes, rounded up, at least 1. */
        public long minutes() {
            return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
        }

        /** The Dutch message for the API; the UI has its own text in its translations. */
        public String message() {
            long minutes = minutes();
            return "Te veel mislukte pogingen. Probeer het over " + minutes + (minutes == 1 ? " minuut" : " minuten") + " opnieuw.";
        }
    }
}
