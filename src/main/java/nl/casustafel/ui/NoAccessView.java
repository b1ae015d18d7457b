package nl.casustafel.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.PermitAll;

/** Shown instead of a page the user's role may not open. */
@Route(value = "geen-toegang", layout = MainLayout.class)
@PageTitle("Geen toegang | Casustafel")
@PermitAll
@Prototype
public class NoAccessView extends VerticalLayout {

    public NoAccessView() {
        H2 title = new H2(getTranslation("noAccess.title"));
        title.setId("no-access");
        add(title, new Paragraph(getTranslation("noAccess.text")));
    }
}
