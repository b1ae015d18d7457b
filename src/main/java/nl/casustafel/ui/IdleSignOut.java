package nl.casustafel.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import nl.casustafel.account.SignInSessions;
import nl.casustafel.platform.HttpSettings;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signs a browser out after the idle timeout (30 minutes, {@code casustafel.ui.idle-timeout}): a
 * signed-in session whose user sent nothing but heartbeats for that long is signed out, its
 * sign-in session revoked, and its screens sent to the sign-in page, which says in Dutch why.
 * Vaadin's heartbeat keeps the HTTP session alive, so activity is counted here: opening a screen, and
 * every round-trip the user's actions make (Vaadin stamps the session then, never at a heartbeat).
 */
@Singleton
public class IdleSignOut implements VaadinServiceInitListener {

    /** The query parameter that makes the sign-in page say the session ended for inactivity. */
    public static final String EXPIRED = "verlopen";

    private final Map<VaadinSession, Long> lastActivity = new ConcurrentHashMap<>();
    private final SignInSessions sessions;
    private final Duration timeout;
    private final Clock clock;

    public IdleSignOut(SignInSessions sessions, HttpSettings settings, Clock clock) {
        this.sessions = sessions;
        this.timeout = settings.idleTimeout();
        this.clock = clock;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // Opening or moving to a screen is activity; so is every call from the page (Vaadin stamps the
        // session at each server round-trip of the user, never at a heartbeat: getLastRequestTimestamp).
        event.getSource().addUIInitListener(init -> {
            touch(init.getUI().getSession());
            init.getUI().addBeforeEnterListener(enter -> touch(enter.getUI().getSession()));
        });
        event.getSource().addSessionDestroyListener(destroyed -> lastActivity.remove(destroyed.getSession()));
    }

    private void touch(VaadinSession session) {
        lastActivity.computeIfPresent(session, (s, at) -> clock.millis());
    }

    /** From sign-in on, the session's activity is watched. */
    void signedIn(VaadinSession session) {
        lastActivity.put(session, clock.millis());
    }

    /** Every few seconds: sign out the sessions idle for longer than the timeout. */
    @Scheduled(fixedDelay = "${casustafel.ui.idle-check:30s}", initialDelay = "${casustafel.ui.idle-check:30s}")
    void signOutIdle() {
        long now = clock.millis();
        lastActivity.forEach((session, at) -> {
            if (now - at > timeout.toMillis()) {
                session.access(() -> {
                    long last = Math.max(lastActivity.getOrDefault(session, at), session.getLastRequestTimestamp());
                    if (now - last <= timeout.toMillis() || lastActivity.remove(session) == null) {
                        lastActivity.computeIfPresent(session, (s, before) -> Math.max(before, last));
                        return;
                    }
                    UiSignIn.sessionId(session).ifPresent(sessions::revoke);
                    UiSignIn.forget(session);
                    session.getUIs().forEach(ui -> ui.getPage().setLocation("/login?" + EXPIRED));
                });
            }
        });
    }
}
