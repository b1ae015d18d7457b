package nl.casustafel.pupil;

import nl.casustafel.platform.DutchDates;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
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
    private final Paragraph count = new Paragraph();

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
        grid.addColumn(PupilView::schoolYear).setHeader(getTranslation("pupils.col.schoolYear"));
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
        count.setId("pupil-count");
        add(new H2(getTranslation("pupils.title")), filters, count, grid);
        expand(grid);
        refresh();
    }

    private void open(PupilView pupil) {
        getUI().ifPresent(ui -> PupilPage.open(ui, pupil.ref(), null));
    }

    /**
     * Pages through the list as the grid scrolls: each page is read (and logged) through the kernel only when shown;
     * the count above the grid says how many pupils match in all.
     */
    private void refresh() {
        Integer year = schoolYear.getValue() == null || schoolYear.getValue() == ALL_YEARS ? null : schoolYear.getValue();
        PupilSearch search = new PupilSearch(name.getValue(), year);
        long total = pupils.totalOwnSchools(viewer, search);
        count.setText(total == 1 ? getTranslation("pupils.count.one") : getTranslation("pupils.count", total));
        grid.setItems(query -> pupils.pageOwnSchools(viewer, search, query.getOffset(), query.getLimit()).pupils().stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, pupils.totalOwnSchools(viewer, search)));
    }
}
