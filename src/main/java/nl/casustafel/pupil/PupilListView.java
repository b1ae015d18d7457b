package nl.casustafel.pupil;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import nl.casustafel.account.Viewer;
import nl.casustafel.ui.NarrowScreens;
import nl.casustafel.ui.PupilBadge;
import nl.casustafel.ui.RowKeyboard;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.MainLayout;

import java.util.List;
import java.util.stream.IntStream;

/** Leerlingen: the pupils of the school staff member's own schools, by name and school year. */
@Menu(title = "nav.pupils", order = 1, icon = "vaadin:users")
@Route(value = "leerlingen", layout = MainLayout.class)
@PageTitle("Leerlingen | Casustafel")
@RolesAllowed("CARE_COORDINATOR")
@Prototype
public class PupilListView extends VerticalLayout {

    /** Sentinel for "all school years" in the filter. */
    private static final int ALL_YEARS = 0;

    private final PupilService pupils;
    private final Viewer viewer = CurrentUser.require();
    private final TextField name = new TextField();
    private final Select<Integer> schoolYear = new Select<>();
    private final Grid<PupilView> grid = new Grid<>();

    public PupilListView(PupilService pupils) {
        this.pupils = pupils;
        setSizeFull();
        name.setPlaceholder(getTranslation("pupils.search"));
        name.setPrefixComponent(VaadinIcon.SEARCH.create());
        name.setClearButtonVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setId("pupil-search");
        name.addValueChangeListener(e -> refresh());
        schoolYear.setLabel(getTranslation("pupils.schoolYear"));
        schoolYear.setItems(IntStream.rangeClosed(ALL_YEARS, 8).boxed().toList());
        schoolYear.setItemLabelGenerator(y -> y == ALL_YEARS ? getTranslation("pupils.allYears") : String.valueOf(y));
        schoolYear.setValue(ALL_YEARS);
        schoolYear.setId("school-year");
        schoolYear.addValueChangeListener(e -> refresh());
        name.setLabel(getTranslation("pupils.name"));

        grid.addComponentColumn(PupilBadge::new).setHeader(getTranslation("pupils.col.name")).setFlexGrow(3);
        Grid.Column<PupilView> birthDate = grid.addColumn(p -> p.birthDate() == null ? "" : DutchDates.DATE.format(p.birthDate())).setHeader(getTranslation("pupils.col.birthDate"));
        grid.addColumn(PupilView::schoolYear).setHeader(getTranslation("pupils.col.schoolYear")).setSortable(true);
        Grid.Column<PupilView> school = grid.addColumn(PupilView::school).setHeader(getTranslation("pupils.col.school")).setFlexGrow(2);
        NarrowScreens.hideWhenNarrow(grid, birthDate, school);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("pupils.empty"));
        grid.setId("pupil-grid");
        grid.addItemClickListener(e -> open(e.getItem()));
        RowKeyboard.openOnEnter(grid, this::open);
        grid.getElement().setAttribute("aria-label", getTranslation("pupils.grid.aria"));

        HorizontalLayout filters = new HorizontalLayout(name, schoolYear);
        filters.setWrap(true);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2(getTranslation("pupils.title")), filters, grid);
        expand(grid);
        refresh();
    }

    private void open(PupilView pupil) {
        getUI().ifPresent(ui -> PupilPage.open(ui, pupil.ref(), null));
    }

    private void refresh() {
        Integer year = schoolYear.getValue() == null || schoolYear.getValue() == ALL_YEARS ? null : schoolYear.getValue();
        List<PupilView> items = pupils.listOwnSchools(viewer, new PupilSearch(name.getValue(), year));
        grid.setItems(items);
    }
}
