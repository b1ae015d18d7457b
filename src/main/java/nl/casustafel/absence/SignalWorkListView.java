package nl.casustafel.absence;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import nl.casustafel.covenant.Role;
import nl.casustafel.account.Viewer;
import nl.casustafel.duo.DuoReportDialog;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.ui.NarrowScreens;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.DutchDatePicker;
import nl.casustafel.ui.MainLayout;
import nl.casustafel.ui.PupilBadge;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Verzuimsignalen: the school's work list, thresholds reached first, each signal explained with its numbers;
 * filtered, sorted by any column, exported as CSV; a row opens the pupil (click twice, Enter, or its button) and
 * offers the school to record the DUO report.
 */
@Menu(title = "nav.absenceSignals", order = 3, icon = "vaadin:exclamation-circle-o")
@Route(value = "verzuim/signalen", layout = MainLayout.class)
@PageTitle("Verzuimsignalen | Casustafel")
@RolesAllowed("CARE_COORDINATOR")
@Prototype
public class SignalWorkListView extends VerticalLayout implements BeforeEnterObserver {

    private final SignalWorkList workList;
    private final DuoReportDialog.Factory duoDialogs;
    private final Viewer viewer = CurrentUser.require();
    private final Grid<SignalWorkList.Entry> grid = new Grid<>();
    private final Map<SignalSort.Key, Grid.Column<SignalWorkList.Entry>> columns = new EnumMap<>(SignalSort.Key.class);
    private final DutchDatePicker on = new DutchDatePicker(getTranslation("absence.signals.on"));
    private final MultiSelectComboBox<Signal.Type> kinds = new MultiSelectComboBox<>(getTranslation("absence.signals.filter.kind"));
    private final Select<Integer> schoolYear = new Select<>();
    private final Checkbox withoutDuo = new Checkbox(getTranslation("absence.signals.filter.withoutDuo"));
    private final Select<SignalSort.Order> sortBy = new Select<>();
    private final Span count = new Span();
    /** What the export writes: the list as last shown. */
    private volatile Query shown;
    private SignalWorkList.Entry focused;
    private boolean syncingSort;

    private record Query(LocalDate on, SignalWorkList.Filter filter, SignalSort.Order order) {
    }

    public SignalWorkListView(SignalWorkList workList, SignalExport export, DuoReportDialog.Factory duoDialogs) {
        this.workList = workList;
        this.duoDialogs = duoDialogs;
        setSizeFull();
        columns();
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setId("signal-grid");
        grid.getElement().setAttribute("aria-label", getTranslation("absence.signals.grid.aria"));
        grid.addItemDoubleClickListener(e -> openPupil(e.getItem()));
        grid.addCellFocusListener(e -> focused = e.getItem().orElse(null));
        // Enter on a focused row (not on a button inside it) opens the pupil
        grid.getElement().addEventListener("keydown", e -> openPupil(focused))
                .setFilter("event.key === 'Enter' && ['td', 'tr'].includes(event.composedPath()[0].localName)");
        grid.addSortListener(e -> syncSortSelect(e.getSortOrder()));
        add(new H2(getTranslation("absence.signals.title")), new Paragraph(getTranslation("absence.signals.intro")),
                filters(export), count, grid);
        expand(grid);
    }

    private void columns() {
        columns.put(SignalSort.Key.PUPIL, grid.addComponentColumn(e -> new PupilBadge(e.pupil()))
                .setHeader(getTranslation("absence.signals.col.pupil")).setFlexGrow(2));
        columns.put(SignalSort.Key.SCHOOL_YEAR, grid.addColumn(e -> e.pupil().schoolYear() == null ? "" : e.pupil().schoolYear())
                .setHeader(getTranslation("absence.signals.col.schoolYear")).setFlexGrow(0).setWidth("7em"));
        columns.put(SignalSort.Key.URGENCY, grid.addComponentColumn(this::signals).setHeader(getTranslation("absence.signals.col.signal")).setFlexGrow(6));
        columns.put(SignalSort.Key.UNAUTHORISED, grid.addColumn(e -> SignalExport.hours(e.signals().unauthorisedHours4Weeks()))
                .setHeader(getTranslation("absence.signals.col.unauthorised")));
        columns.put(SignalSort.Key.SICK, grid.addColumn(e -> e.signals().sickReports12Weeks()).setHeader(getTranslation("absence.signals.col.sick")));
        columns.put(SignalSort.Key.LATE, grid.addColumn(e -> e.signals().lateArrivals()).setHeader(getTranslation("absence.signals.col.late")));
        columns.put(SignalSort.Key.DUO_REPORT, grid.addColumn(e -> e.openDuoReport() == null ? getTranslation("absence.signals.noDuo")
                : DutchDates.DATE.format(e.openDuoReport())).setHeader(getTranslation("absence.signals.col.duo")));
        // sorted on the server, before any pupil is read: only the rows scrolled to are read and logged
        columns.forEach((key, column) -> column.setKey(key.name()).setSortable(true).setSortProperty(key.name()));
        grid.addComponentColumn(this::actions).setHeader(getTranslation("absence.signals.col.actions")).setFlexGrow(2);
        NarrowScreens.hideWhenNarrow(grid, columns.get(SignalSort.Key.SCHOOL_YEAR), columns.get(SignalSort.Key.UNAUTHORISED),
                columns.get(SignalSort.Key.SICK), columns.get(SignalSort.Key.LATE), columns.get(SignalSort.Key.DUO_REPORT));
    }

    private HorizontalLayout filters(SignalExport export) {
        on.setValue(LocalDate.now(ClockFactory.AMSTERDAM));
        on.setId("signal-on");
        on.addValueChangeListener(e -> refresh());
        kinds.setItems(Signal.Type.values());
        kinds.setItemLabelGenerator(t -> getTranslation("absence.signal." + t.name()));
        kinds.setPlaceholder(getTranslation("absence.signals.filter.kind.placeholder"));
        kinds.setId("signal-kind");
        kinds.addValueChangeListener(e -> refresh());
        schoolYear.setLabel(getTranslation("absence.signals.filter.schoolYear"));
        schoolYear.setItems(IntStream.rangeClosed(1, 8).boxed().toList());
        schoolYear.setEmptySelectionAllowed(true);
        schoolYear.setEmptySelectionCaption(getTranslation("absence.signals.filter.allYears"));
        schoolYear.setItemLabelGenerator(y -> y == null ? getTranslation("absence.signals.filter.allYears") : String.valueOf(y));
        schoolYear.setId("signal-year");
        schoolYear.addValueChangeListener(e -> refresh());
        withoutDuo.setId("signal-without-duo");
        withoutDuo.addValueChangeListener(e -> refresh());
        sortBy.setLabel(getTranslation("absence.signals.sort"));
        sortBy.setItems(SignalSort.Order.all());
        sortBy.setItemLabelGenerator(this::sortLabel);
        sortBy.setValue(SignalSort.Order.URGENT_FIRST);
        sortBy.setId("signal-sort");
        sortBy.addValueChangeListener(e -> {
            if (!syncingSort && e.getValue() != null) {
                grid.sort(List.of(new GridSortOrder<>(columns.get(e.getValue().key()),
                        e.getValue().descending() ? SortDirection.DESCENDING : SortDirection.ASCENDING)));
            }
        });
        Anchor download = new Anchor();
        download.setHref(DownloadHandler.fromInputStream(event -> {
            Query q = shown;
            SignalExport.CsvFile file = export.csv(viewer, q.on(), q.filter(), q.order());
            return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(), "text/csv; charset=utf-8", file.content().length);
        }), AttachmentType.DOWNLOAD);
        download.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation("absence.signals.export")));
        download.getElement().setAttribute("title", getTranslation("absence.signals.export.title"));
        download.setId("signal-export");
        count.setId("signal-count");
        HorizontalLayout bar = new HorizontalLayout(on, kinds, schoolYear, sortBy, withoutDuo, download);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    private String sortLabel(SignalSort.Order order) {
        return getTranslation("absence.sort." + order.key().name()) + " ("
                + getTranslation("absence.sort.dir." + order.key().kind().name() + (order.descending() ? ".desc" : ".asc")) + ")";
    }

    /** {@code ?peildatum=yyyy-mm-dd} opens the list as of that day. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("peildatum").ifPresent(day -> {
            try {
                on.setValue(LocalDate.parse(day));
            } catch (DateTimeParseException ignored) {
                // an unreadable date leaves today
            }
        });
        refresh();
    }

    private void refresh() {
        Query q = new Query(on.getValue() == null ? workList.today() : on.getValue(),
                new SignalWorkList.Filter(kinds.getValue(), schoolYear.getValue(), withoutDuo.getValue(), null),
                sortBy.getValue() == null ? SignalSort.Order.URGENT_FIRST : sortBy.getValue());
        // the list is counted and sorted without reading a pupil; the grid reads (and so logs) only the pages it shows
        SignalWorkList.Listing listing = workList.listing(viewer, q.on(), q.filter());
        shown = q;
        focused = null;
        grid.setItems(query -> workList.read(listing, order(query.getSortOrders()), query.getOffset(), query.getLimit(),
                SignalWorkList.READ).stream(), query -> listing.size());
        count.setText(getTranslation("absence.signals.count", listing.size()));
    }

    /** The order a column header asks for, else the select's. */
    private SignalSort.Order order(List<QuerySortOrder> sortOrders) {
        if (sortOrders.isEmpty()) {
            return sortBy.getValue() == null ? SignalSort.Order.URGENT_FIRST : sortBy.getValue();
        }
        return new SignalSort.Order(SignalSort.Key.valueOf(sortOrders.getFirst().getSorted()),
                sortOrders.getFirst().getDirection() == SortDirection.DESCENDING);
    }

    /** The select follows a sort chosen by a column header, so that the export sorts as the screen does. */
    private void syncSortSelect(List<GridSortOrder<SignalWorkList.Entry>> orders) {
        SignalSort.Order order = orders.isEmpty() ? SignalSort.Order.URGENT_FIRST
                : new SignalSort.Order(SignalSort.Key.valueOf(orders.getFirst().getSorted().getKey()),
                orders.getFirst().getDirection() == SortDirection.DESCENDING);
        syncingSort = true;
        sortBy.setValue(order);
        syncingSort = false;
        if (shown != null) {
            shown = new Query(shown.on(), shown.filter(), order);
        }
    }

    private HorizontalLayout actions(SignalWorkList.Entry entry) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        String label = entry.pupil().label() == null ? getTranslation("pupil.unnamed") : entry.pupil().label();
        if (entry.pupil().id() != null || entry.pupil().handle() != null) {
            Button open = new Button(getTranslation("absence.signals.open"), e -> openPupil(entry));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            open.getElement().setAttribute("aria-label", getTranslation("absence.signals.open.aria", label));
            open.addClassName("signal-open");
            actions.add(open);
        }
        // only the pupil's school records a DUO report, and only for a pupil it sees by name
        if (viewer.role() == Role.CARE_COORDINATOR && entry.identified()) {
            Button duo = new Button(getTranslation("absence.signals.duo"), e -> duoDialogs.open(viewer, entry.pupil().pupilId(), this::refresh));
            duo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            duo.getElement().setAttribute("aria-label", getTranslation("absence.signals.duo.aria", label));
            duo.addClassName("signal-duo");
            actions.add(duo);
        }
        return actions;
    }

    private void openPupil(SignalWorkList.Entry entry) {
        if (entry != null && (entry.pupil().id() != null || entry.pupil().handle() != null)) {
            UI.getCurrent().navigate("leerling/" + entry.pupil().ref());
        }
    }

    private Div signals(SignalWorkList.Entry entry) {
        Div cell = new Div();
        for (Signal s : entry.signals().signals()) {
            Span badge = new Span(getTranslation("absence.signal." + s.type().name()));
            badge.getElement().getThemeList().add("badge " + (s.type().thresholdReached() ? "error" : "contrast"));
            cell.add(new Div(badge, new Span(" " + s.explanation())));
        }
        return cell;
    }
}
