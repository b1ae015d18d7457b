package nl.casustafel.ui;

import com.vaadin.flow.server.VaadinSession;
import nl.casustafel.account.Viewer;

import java.util.Optional;

/** The signed-in user of this browser session (Vaadin is stateful: the user lives in the session). */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<Viewer> get() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Viewer.class));
    }

    /** The viewer; views behind the access control can rely on one being signed in. */
    public static Viewer require() {
        return get().orElseThrow(() -> new IllegalStateException("No user signed in"));
    }

    static void set(Viewer viewer) {
        VaadinSession.getCurrent().setAttribute(Viewer.class, viewer);
    }
}
