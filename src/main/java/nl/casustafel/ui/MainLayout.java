package nl.casustafel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import io.micronaut.context.annotation.Prototype;
import nl.casustafel.account.Viewer;

/**
 * The application frame: navigation that shows only what the user's role may open, and sign-out.
 * The menu is read from the views' {@code @Menu} annotations (title = translation key, order, icon as
 * {@code vaadin:name}), so the shell names no feature view. Vaadin's own menu filtering knows only
 * its navigation access control and the servlet principal, neither of which Casustafel uses; each entry
 * is therefore checked with {@link ViewAccessControl#mayEnter}, the same rule that guards navigation.
 */
@Prototype
public class MainLayout extends AppLayout implements RouterLayout {

    private final UiSignIn uiSignIn;

    public MainLayout(UiSignIn uiSignIn) {
        this.uiSignIn = uiSignIn;
        Viewer viewer = CurrentUser.require();
        setPrimarySection(Section.NAVBAR);
        setI18n(new AppLayoutI18n().setDrawer(getTranslation("nav.drawer")));
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        toggle.setId("drawer-toggle");
        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("app-title");
        Span who = new Span(viewer.displayName() + " · " + getTranslation("role." + viewer.role()) + " · " + viewer.partyName());
        who.addClassName("app-user");
        who.setId("current-user");
        who.setTitle(who.getText());
        Button signOut = new Button(getTranslation("nav.signOut"), VaadinIcon.SIGN_OUT.create(), e -> signOut());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.addClassName("sign-out");
        signOut.setId("sign-out");
        HorizontalLayout bar = new HorizontalLayout(toggle, title, who, signOut);
        bar.addClassName("app-bar");
        bar.getElement().setAttribute("role", "banner");
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(who);
        addToNavbar(bar);
        addToDrawer(navigation(viewer));
    }

    private Component navigation(Viewer viewer) {
        SideNav nav = new SideNav();
        nav.setId("main-menu");
        nav.getElement().setAttribute("aria-label", getTranslation("nav.main"));
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (entry.menuClass() != null && ViewAccessControl.mayEnter(entry.menuClass(), viewer)) {
                SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
                if (entry.icon() != null && entry.icon().contains(":")) {
                    String[] icon = entry.icon().split(":", 2);
                    item.setPrefixComponent(new Icon(icon[0], icon[1]));
                }
                nav.addItem(item);
            }
        }
        return nav;
    }

    /** The screen shown is the page's main landmark, so that a screen reader can jump past banner and menu. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("role", "main");
        }
    }

    private void signOut() {
        uiSignIn.signOut();
    }
}
