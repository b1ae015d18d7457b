package nl.casustafel.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.casustafel.account.SignInSessions;
import nl.casustafel.account.SignInsRevoked;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The signed-in browser sessions of this process, per account, so that revoking an account's sign-ins
 * (deactivation, password change) closes its open screens at once: each is signed out and sent to
 * the sign-in page over push. A session leaves the registry when Vaadin destroys it (sign-out, timeout),
 * and its server-side sign-in session ends with it.
 */
@Singleton
public class UiSessions implements VaadinServiceInitListener {

    private final Map<Long, Set<VaadinSession>> byUser = new ConcurrentHashMap<>();
    private final SignInSessions sessions;

    public UiSessions(SignInSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            VaadinSession session = destroyed.getSession();
            UiSignIn.sessionId(session).ifPresent(sessions::revoke);
            unregister(session);
        });
    }

    void register(long userId, VaadinSession session) {
        byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    private void unregister(VaadinSession session) {
        byUser.keySet().forEach(userId -> byUser.computeIfPresent(userId, (id, open) -> {
            open.remove(session);
            return open.isEmpty() ? null : open;
        }));
    }

    @EventListener
    void onRevoked(SignInsRevoked revoked) {
        Set<VaadinSession> open = byUser.remove(revoked.userId());
        if (open != null) {
            open.forEach(UiSessions::close);
        }
    }

    /** Signs the session out and sends each of its screens to the sign-in page (pushed to the browser). */
    private static void close(VaadinSession session) {
        session.access(() -> {
            UiSignIn.forget(session);
            session.getUIs().forEach(ui -> ui.getPage().setLocation("/login"));
        });
    }

    /** How many browser sessions of this account are open (for tests). */
    int openSessions(long userId) {
        return byUser.getOrDefault(userId, Set.of()).size();
    }
}
