package nl.casustafel.pupil;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import nl.casustafel.ui.NarrowScreens;
import nl.casustafel.ui.PupilBadge;
import nl.casustafel.ui.RowKeyboard;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.MainLayout;


/** Aan tafel: the pupils on the case lists of the tables the user sits at, each as the user may see it. */
@Menu(title = "nav.atTable", order = 5, icon = "vaadin:group")
@Route(value = "aan-tafel", layout = MainLayout.class)
@PageTitle("Aan tafel | Casustafel")
@RolesAllowed({"CARE_COORDINATOR", "YOUTH_NURSE", "YOUTH_DOCTOR", "ATTENDANCE_OFFICER", "PARTNERSHIP_COORDINATOR",
        "SUPPORT_EXPERT", "SOCIAL_WORKER", "YOUTH_CARE_PROVIDER"})
@Prototype
public class CaseListView extends VerticalLayout {


    public CaseListView(PupilService pupils) {
        setSizeFull();
        Grid<PupilView> grid = new Grid<>();
        grid.addColumn(PupilView::table).setHeader(getTranslation("atTable.col.table")).setFlexGrow(2);
        grid.addComponentColumn(PupilBadge::new).setHeader(getTranslation("pupils.col.pupil")).setFlexGrow(3);
        Grid.Column<PupilView> birthDate = grid.addColumn(p -> p.birthDate() == null ? "" : DutchDates.DATE.format(p.birthDate())).setHeader(getTranslation("pupils.col.birthDate"));
        grid.addColumn(PupilView::schoolYear).setHeader(getTranslation("pupils.col.schoolYear"));
        Grid.Column<PupilView> school = grid.addColumn(p -> p.school() == null ? "" : p.school()).setHeader(getTranslation("pupils.col.school")).setFlexGrow(2);
        NarrowScreens.hideWhenNarrow(grid, birthDate, school);
        grid.addItemClickListener(e -> open(e.getItem()));
        RowKeyboard.openOnEnter(grid, this::open);
        grid.getElement().setAttribute("aria-label", getTranslation("atTable.grid.aria"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("atTable.empty"));
        grid.setId("table-grid");
        grid.setItems(pupils.atMyTables(CurrentUser.require()));
        add(new H2(getTranslation("atTable.title")), new Paragraph(getTranslation("atTable.intro")), grid);
        expand(grid);
    }

    private void open(PupilView pupil) {
        getUI().ifPresent(ui -> PupilPage.open(ui, pupil.ref(), pupil.seriesId()));
    }
}
