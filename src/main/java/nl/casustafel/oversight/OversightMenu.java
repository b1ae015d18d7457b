package nl.casustafel.oversight;

import com.vaadin.flow.component.icon.VaadinIcon;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import nl.casustafel.ui.MenuEntry;

/** Puts the Toegangslogboek in the navigation, after "Aan tafel"; only the privacy officer sees it. */
@Factory
class OversightMenu {

    @Singleton
    MenuEntry accessLog() {
        return new MenuEntry(AccessLogView.class, "nav.accessLog", VaadinIcon.RECORDS, "nav.atTable");
    }
}
