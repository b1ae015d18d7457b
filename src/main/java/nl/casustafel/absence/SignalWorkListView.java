package nl.casustafel.absence;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import nl.casustafel.privacy.PupilBadge;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.MainLayout;

import java.util.List;

/** Verzuimsignalen: the school's work list, thresholds reached first, each signal explained with its numbers. */
@Route(value = "verzuim/signalen", layout = MainLayout.class)
@PageTitle("Verzuimsignalen | Casustafel")
@RolesAllowed("CARE_COORDINATOR")
@Prototype
public class SignalWorkListView extends VerticalLayout {

    public SignalWorkListView(SignalWorkList workList) {
        setSizeFull();
        List<SignalWorkList.Entry> entries = workList.of(CurrentUser.require());
        Grid<SignalWorkList.Entry> grid = new Grid<>();
        grid.addComponentColumn(e -> new PupilBadge(e.pupil())).setHeader(getTranslation("absence.signals.col.pupil")).setFlexGrow(2);
        grid.addComponentColumn(this::signals).setHeader(getTranslation("absence.signals.col.signal")).setFlexGrow(6);
        grid.addColumn(e -> format(e.signals().unauthorisedHours4Weeks())).setHeader(getTranslation("absence.signals.col.unauthorised"));
        grid.addColumn(e -> e.signals().sickReports12Weeks()).setHeader(getTranslation("absence.signals.col.sick"));
        grid.addColumn(e -> e.signals().lateArrivals()).setHeader(getTranslation("absence.signals.col.late"));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(entries);
        grid.setId("signal-grid");
        add(new H2(getTranslation("absence.signals.title")), new Paragraph(getTranslation("absence.signals.intro")), grid);
        expand(grid);
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
