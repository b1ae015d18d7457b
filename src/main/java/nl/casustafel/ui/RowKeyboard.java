package nl.casustafel.ui;

import com.vaadin.flow.component.grid.Grid;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A grid whose rows open something by keyboard as well as by mouse: Enter on a focused row (a cell, not a
 * button or link inside it) opens that row's item, as a click on the row does.
 */
public final class RowKeyboard {

    private RowKeyboard() {
    }

    /** Enter on the focused row of the grid hands its item to {@code open}. */
    public static <T> void openOnEnter(Grid<T> grid, Consumer<T> open) {
        AtomicReference<T> focused = new AtomicReference<>();
        grid.addCellFocusListener(e -> focused.set(e.getItem().orElse(null)));
        grid.getElement().addEventListener("keydown", e -> {
            T item = focused.get();
            if (item != null) {
                open.accept(item);
            }
        }).setFilter("event.key === 'Enter' && ['td', 'tr'].includes(event.composedPath()[0].localName)");
    }
}
