package nl.casustafel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.inject.Singleton;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.SignInChannel;
import nl.casustafel.account.SignInSession;
import nl.casustafel.account.SignInSessions;
import nl.casustafel.account.Viewer;

import java.util.Optional;
import java.util.UUID;

/**
 * The one way into and out of the UI: a sign-in is completed here once every factor has been checked,
 * and every navigation asks here whether it still counts. The browser session holds the id of a
 * server-side sign-in session (channel UI), so logout, deactivation and a password change end it.
 */
@Singleton
public class UiSignIn {

    /** The home page's route; named, not imported, because the home feature sits above the shell. */
    static final String HOME = "";

    static final String SESSION_ATTRIBUTE = "casustafel.sign-in-session";

    private final SignInSessions sessions;
    private final AccountService accounts;
    private final UiSessions registry;
    private final IdleSignOut idle;

    public UiSignIn(SignInSessions sessions, AccountService accounts, UiSessions registry, IdleSignOut idle) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.registry = registry;
        this.idle = idle;
    }

    /**
     * Signs this browser in as the viewer, whose credentials (all factors) have been checked: a new
     * session id (so a session fixed before sign-in is worthless), a server-side session, the user in
     * the Vaadin session, registered so that revoking the account's sessions closes it; then home.
     */
    public void complete(Viewer viewer) {
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
        VaadinSession vaadinSession = VaadinSession.getCurrent();
        SignInSession session = sessions.open(viewer.userId(), SignInChannel.UI);
        vaadinSession.setAttribute(SESSION_ATTRIBUTE, session.id());
        CurrentUser.set(viewer);
        registry.register(viewer.userId(), vaadinSession);
        idle.signedIn(vaadinSession);
        UI.getCurrent().navigate(HOME);
    }

    /**
     * The signed-in viewer as the database has it now, if this browser's sign-in session is still open
     * and the account active; otherwise the browser is signed out and nothing is returned.
     */
    Optional<Viewer> current() {
        VaadinSession vaadinSession = VaadinSession.getCurrent();
        Optional<Viewer> signedIn = CurrentUser.get();
        if (vaadinSession == null || signedIn.isEmpty()) {
            return Optional.empty();
        }
        long userId = signedIn.get().userId();
        Optional<Viewer> now = sessionId(vaadinSession)
                .flatMap(sessions::active)
                .filter(session -> session.userId() == userId && session.channel() == SignInChannel.UI)
                .flatMap(session -> accounts.viewer(signedIn.get().username()))
                .filter(viewer -> viewer.userId() == userId);
        now.ifPresentOrElse(CurrentUser::set, () -> forget(vaadinSession));
        return now;
    }

    /** Afmelden: ends the server-side session and the browser session, then shows the sign-in page. */
    public void signOut() {
        VaadinSession vaadinSession = VaadinSession.getCurrent();
        sessionId(vaadinSession).ifPresent(sessions::revoke);
        UI ui = UI.getCurrent();
        vaadinSession.getSession().invalidate();
        ui.getPage().setLocation("/login");
    }

    static Optional<UUID> sessionId(VaadinSession vaadinSession) {
        return vaadinSession.getAttribute(SESSION_ATTRIBUTE) instanceof UUID id ? Optional.of(id) : Optional.empty();
    }

    /** Drops the user from the Vaadin session (its lock held). */
    static void forget(VaadinSession vaadinSession) {
        vaadinSession.setAttribute(Viewer.class, null);
        vaadinSession.setAttribute(SESSION_ATTRIBUTE, null);
    }
}
