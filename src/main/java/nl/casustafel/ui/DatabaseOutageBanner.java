package nl.casustafel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.inject.Singleton;
import nl.casustafel.platform.ClusterBus;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells every open screen, in Dutch, when the database connection is lost and when it is back
 * ({@link ClusterBus#watch}). A screen registers when it opens and is forgotten when it closes. Errors
 * caused by the database during an action show the same message, without technical detail.
 */
@Singleton
public class DatabaseOutageBanner implements VaadinServiceInitListener {

    private final Map<UI, Notification> open = new ConcurrentHashMap<>();
    private volatile boolean down;

    public DatabaseOutageBanner(ClusterBus bus) {
        bus.watch(this::connection);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            open.put(ui, new Notification());
            ui.addDetachListener(detach -> open.remove(ui));
            if (down) {
                show(ui, true);
            }
        });
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            UI ui = UI.getCurrent();
            if (ui != null && isDatabaseError(error.getThrowable())) {
                show(ui, true);
            } else {
                org.slf4j.LoggerFactory.getLogger(DatabaseOutageBanner.class).error("Unexpected error", error.getThrowable());
            }
        }));
    }

    /** The database connection went down ({@code false}) or came back ({@code true}). */
    void connection(boolean up) {
        down = !up;
        open.keySet().forEach(ui -> ui.access(() -> show(ui, !up)));
    }

    private void show(UI ui, boolean isDown) {
        Notification banner = open.computeIfAbsent(ui, u -> new Notification());
        banner.removeAll();
        banner.setText(ui.getTranslation(isDown ? "database.down" : "database.back"));
        banner.setId("database-status");
        banner.getElement().setAttribute("role", "status");
        banner.getElement().setAttribute("aria-live", "polite");
        banner.setPosition(Notification.Position.TOP_CENTER);
        banner.setDuration(isDown ? 0 : 4000);
        banner.open();
    }

    /** Whether the error (or its cause) comes from the database. */
    static boolean isDatabaseError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t.getClass().getName().endsWith("DataAccessException")
                    || t.getClass().getName().startsWith("io.micronaut.data.exceptions")) {
                return true;
            }
        }
        return false;
    }
}
