package nl.casustafel.meeting;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;

/**
 * Whether a page still listens. Vaadin detaches a page that was closed (its unload beacon) or that
 * missed about three heartbeats, but only at the next request of the same session; a follower of a
 * meeting asks here first, so a browser that crashed or lost its network costs no further reads.
 * Safe to call without the session lock: it reads only plain fields.
 */
final class ClosedPages {

    /** Vaadin's own limit: a page is gone after 3.1 heartbeat intervals without one. */
    private static final double MISSED_HEARTBEATS = 3.1;

    private ClosedPages() {
    }

    static boolean gone(UI ui) {
        VaadinSession session = ui.getSession();
        if (ui.isClosing() || session == null) {
            return true;
        }
        int interval = session.getService().getDeploymentConfiguration().getHeartbeatInterval();
        long lastHeartbeat = ui.getInternals().getLastHeartbeatTimestamp();
        return interval > 0 && System.currentTimeMillis() - lastHeartbeat > MISSED_HEARTBEATS * interval * 1000;
    }
}
