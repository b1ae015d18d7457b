package nl.casustafel.absence;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import nl.casustafel.ui.NarrowScreens;
import nl.casustafel.ui.PupilBadge;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.MainLayout;

import java.util.List;

/** Verzuimsignalen: the school's work list, thresholds reached first, each signal explained with its numbers. */
@Menu(title = "nav.absenceSignals", order = 3, icon = "vaadin:exclamation-circle-o")
@Route(value = "verzuim/signalen", layout = MainLayout.class)
@PageTitle("Verzuimsignalen | Casustafel")
@RolesAllowed("CARE_COORDINATOR")
@Prototype
public class SignalWorkListView extends VerticalLayout implements com.vaadin.flow.router.BeforeEnterObserver {

    private final SignalWorkList workList;
    private final Grid<SignalWorkList.Entry> grid = new Grid<>();
    private final nl.casustafel.ui.DutchDatePicker on = new nl.casustafel.ui.DutchDatePicker(getTranslation("absence.signals.on"));

    public SignalWorkListView(SignalWorkList workList) {
        this.workList = workList;
        setSizeFull();
        grid.addComponentColumn(e -> new PupilBadge(e.pupil())).setHeader(getTranslation("absence.signals.col.pupil")).setFlexGrow(2);
        grid.addComponentColumn(this::signals).setHeader(getTranslation("absence.signals.col.signal")).setFlexGrow(6);
        Grid.Column<SignalWorkList.Entry> unauthorised = grid.addColumn(e -> format(e.signals().unauthorisedHours4Weeks())).setHeader(getTranslation("absence.signals.col.unauthorised"));
        Grid.Column<SignalWorkList.Entry> sick = grid.addColumn(e -> e.signals().sickReports12Weeks()).setHeader(getTranslation("absence.signals.col.sick"));
        Grid.Column<SignalWorkList.Entry> late = grid.addColumn(e -> e.signals().lateArrivals()).setHeader(getTranslation("absence.signals.col.late"));
        NarrowScreens.hideWhenNarrow(grid, unauthorised, sick, late);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setId("signal-grid");
        on.setValue(java.time.LocalDate.now(nl.casustafel.platform.ClockFactory.AMSTERDAM));
        on.setId("signal-on");
        on.addValueChangeListener(e -> refresh());
        add(new H2(getTranslation("absence.signals.title")), new Paragraph(getTranslation("absence.signals.intro")), on, grid);
        expand(grid);
    }

    /** {@code ?peildatum=yyyy-mm-dd} opens the list as of that day. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("peildatum").ifPresent(day -> {
            try {
                on.setValue(java.time.LocalDate.parse(day));
            } catch (java.time.format.DateTimeParseException ignored) {
                // an unreadable date leaves today
            }
        });
        refresh();
    }

    private void refresh() {
        grid.setItems(on.getValue() == null ? workList.of(CurrentUser.require()) : workList.of(CurrentUser.require(), on.getValue()));
    }

    private Div signals(SignalWorkList.Entry entry) {
        Div cell = new Div();
        for (Signal s : entry.signals().signals()) {
            Span badge = new Span(getTranslation("absence.signal." + s.type().name()));
            badge.getElement().getThemeList().add("badge " + (s.type().thresholdReached() ? "error" : "contrast"));
            Div line = new Div(badge, new Span(" " + s.explanation()));
            cell.add(line);
        }
        return cell;
    }

    private static String format(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours).replace('.', ',');
    }
}
