package nl.casustafel.account;

import java.time.Duration;

/** The outcome of a sign-in attempt (aanmelden), for the UI and {@code POST /login} alike. */
public sealed interface SignIn {

    /** Username and password match an active account. */
    record SignedIn(Viewer viewer) implements SignIn {
    }

    /** Wrong username or password; which of the two is not said. */
    record Refused() implements SignIn {
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
