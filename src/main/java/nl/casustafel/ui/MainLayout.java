package nl.casustafel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLayout;
import io.micronaut.context.annotation.Prototype;
import nl.casustafel.absence.AbsenceImportView;
import nl.casustafel.absence.SignalWorkListView;
import nl.casustafel.account.Viewer;
import nl.casustafel.admin.AdminView;
import nl.casustafel.pupil.PupilListView;
import nl.casustafel.pupil.CaseListView;
import nl.casustafel.meeting.MyMeetingsView;

import java.util.List;

/** The application frame: navigation that shows only what the user's role may open, and sign-out. */
@Prototype
public class MainLayout extends AppLayout implements RouterLayout {

    private final UiSignIn uiSignIn;
    private final List<MenuEntry> featureEntries;

    public MainLayout(UiSignIn uiSignIn, List<MenuEntry> featureEntries) {
        this.uiSignIn = uiSignIn;
        this.featureEntries = featureEntries;
        Viewer viewer = CurrentUser.require();
        Span title = new Span(getTranslation("app.name"));
        title.addClassName("app-title");
        Span who = new Span(viewer.displayName() + " · " + getTranslation("role." + viewer.role()) + " · " + viewer.partyName());
        who.addClassName("app-user");
        who.setId("current-user");
        Button signOut = new Button(getTranslation("nav.signOut"), VaadinIcon.SIGN_OUT.create(), e -> signOut());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, who, signOut);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(who);
        addToNavbar(bar);
        addToDrawer(navigation(viewer));
    }

    private Component navigation(Viewer viewer) {
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem(getTranslation("nav.home"), HomeView.class, VaadinIcon.HOME.create()));
        addIfAllowed(nav, viewer, PupilListView.class, "nav.pupils", VaadinIcon.USERS);
        addIfAllowed(nav, viewer, MyMeetingsView.class, "nav.meetings", VaadinIcon.CALENDAR_USER);
        addIfAllowed(nav, viewer, SignalWorkListView.class, "nav.absenceSignals", VaadinIcon.EXCLAMATION_CIRCLE_O);
        addIfAllowed(nav, viewer, AbsenceImportView.class, "nav.absenceImport", VaadinIcon.UPLOAD);
        addIfAllowed(nav, viewer, CaseListView.class, "nav.atTable", VaadinIcon.GROUP);
        addIfAllowed(nav, viewer, AdminView.class, "nav.admin", VaadinIcon.COG);
        return nav;
    }

    private void addIfAllowed(SideNav nav, Viewer viewer, Class<? extends Component> view, String key, VaadinIcon icon) {
        if (ViewAccessControl.mayEnter(view, viewer)) {
            nav.addItem(new SideNavItem(getTranslation(key), view, icon.create()));
        }
        for (MenuEntry entry : featureEntries) {
            if (entry.afterKey().equals(key)) {
                addIfAllowed(nav, viewer, entry.view(), entry.titleKey(), entry.icon());
            }
        }
    }

    private void signOut() {
        uiSignIn.signOut();
    }
}
