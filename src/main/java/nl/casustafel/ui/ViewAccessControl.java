package nl.casustafel.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every view is closed unless an annotation opens it: {@code @AnonymousAllowed} (sign-in page),
 * {@code @PermitAll} (any signed-in user) or {@code @RolesAllowed} (those roles). A visitor who is
 * not signed in, or whose sign-in was revoked or whose account was deactivated, is sent to the sign-in
 * page; a wrong role (as the account has it now) sees the "no access" page, never data.
 */
@Singleton
public class ViewAccessControl implements VaadinServiceInitListener {

    public static final Locale DUTCH = Locale.of("nl", "NL");

    private final UiSignIn uiSignIn;

    public ViewAccessControl(UiSignIn uiSignIn) {
        this.uiSignIn = uiSignIn;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            init.getUI().setLocale(DUTCH);
            init.getUI().addBeforeEnterListener(this::check);
        });
    }

    void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target.isAnnotationPresent(AnonymousAllowed.class)) {
            return;
        }
        // every navigation: the sign-in still open, the account still active, the role as it is now
        Optional<Viewer> viewer = uiSignIn.current();
        if (viewer.isEmpty()) {
            event.forwardTo(LoginView.class);
            return;
        }
        if (!mayEnter(target, viewer.get())) {
            event.rerouteTo(NoAccessView.class);
        }
    }

    static boolean mayEnter(Class<?> target, Viewer viewer) {
        if (target.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        RolesAllowed roles = target.getAnnotation(RolesAllowed.class);
        return roles != null && Arrays.asList(roles.value()).contains(viewer.role().name());
    }
}
