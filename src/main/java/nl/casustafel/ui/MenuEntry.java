package nl.casustafel.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * A view that a feature adds to the navigation of {@link MainLayout} without the shell naming it (so the
 * shell does not depend on the feature): a bean of the feature. {@code afterKey} is the translation key of
 * the fixed item it follows; the item shows only to viewers who may enter the view.
 */
public record MenuEntry(Class<? extends Component> view, String titleKey, VaadinIcon icon, String afterKey) {
}
