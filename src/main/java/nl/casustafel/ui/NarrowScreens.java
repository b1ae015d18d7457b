package nl.casustafel.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;

import java.util.List;

/**
 * Grids on a phone: the columns that matter less are hidden when the window is narrower than
 * {@link #NARROW_BELOW} pixels (and come back when it is widened), so that the rest stays readable
 * without scrolling sideways.
 */
public final class NarrowScreens {

    /** Below this window width (CSS pixels) a screen counts as narrow: phones, not tablets. */
    public static final int NARROW_BELOW = 600;

    private NarrowScreens() {
    }

    /** Hides these columns of the grid while the window is narrow. */
    public static void hideWhenNarrow(Grid<?> grid, Grid.Column<?>... columns) {
        List<Grid.Column<?>> hidden = List.of(columns);
        grid.addAttachListener(attach -> {
            UI ui = attach.getUI();
            ui.getPage().retrieveExtendedClientDetails(details -> show(hidden, details.getWindowInnerWidth()));
            Registration resize = ui.getPage().addBrowserWindowResizeListener(e -> show(hidden, e.getWidth()));
            grid.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    private static void show(List<Grid.Column<?>> columns, int windowWidth) {
        boolean wide = windowWidth >= NARROW_BELOW;
        columns.forEach(c -> c.setVisible(wide));
    }
}
