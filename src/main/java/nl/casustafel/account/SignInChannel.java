package nl.casustafel.account;

/** Where a sign-in session is used: a bearer token for the REST API, or a browser session of the UI. */
public enum SignInChannel {
    API,
    UI
}
