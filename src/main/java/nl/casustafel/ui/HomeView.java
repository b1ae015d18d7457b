package nl.casustafel.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;
import nl.casustafel.account.Viewer;

/** Home: who is signed in, in which role, for which party. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Casustafel")
@PermitAll
@Prototype
public class HomeView extends VerticalLayout {

    public HomeView() {
        Viewer viewer = CurrentUser.require();
        H2 welcome = new H2(getTranslation("home.welcome", viewer.displayName()));
        welcome.setId("welcome");
        Paragraph role = new Paragraph(getTranslation("home.role", getTranslation("role." + viewer.role()), viewer.partyName()));
        role.setId("role");
        add(welcome, role, new Paragraph(getTranslation("home.intro." + viewer.role())));
    }
}
