package nl.casustafel.monitoring;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import jakarta.annotation.security.RolesAllowed;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.FigureTable;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.privacy.SmallNumbers;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.MainLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * Cijfers school: the care coordinator's dashboard of one of her schools. A figure in the month or class-year table
 * opens the pupils behind it, only those she sees by name.
 */
@Menu(title = "nav.monitoringSchool", order = 8, icon = "vaadin:chart")
@Route(value = "cijfers/school", layout = MainLayout.class)
@PageTitle("Cijfers school | Casustafel")
@RolesAllowed("CARE_COORDINATOR")
@Prototype
public class SchoolMonitoringView extends VerticalLayout {

    private final SchoolDashboard dashboard;
    private final Viewer viewer = CurrentUser.require();
    private final Select<Integer> year;
    private final Select<SchoolDashboard.SchoolOption> school = new Select<>();
    private final Div content = new Div();
    private final Div pupils = new Div();
    private volatile SchoolDashboard.Figures shown;

    public SchoolMonitoringView(SchoolDashboard dashboard, MonitoringExport export, SmallNumbers smallNumbers) {
        this.dashboard = dashboard;
        year = DashboardParts.schoolYears(this, dashboard.currentYear());
        List<SchoolDashboard.SchoolOption> schools = dashboard.schoolsOf(viewer);
        school.setLabel(getTranslation("monitoring.filter.school"));
        school.setItems(schools);
        school.setItemLabelGenerator(SchoolDashboard.SchoolOption::name);
        school.setId("monitoring-school");
        if (!schools.isEmpty()) {
            school.setValue(schools.getFirst());
        }
        year.addValueChangeListener(e -> refresh());
        school.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(year, school);
        DashboardParts.downloads(this, export, "cijfers-school", () -> shown.tables()).forEach(bar::add);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        content.setWidthFull();
        pupils.setId("monitoring-pupils");
        add(new H2(getTranslation("monitoring.school.title")), new Paragraph(getTranslation("monitoring.school.intro")),
                new Paragraph(getTranslation("monitoring.smallNumbers", smallNumbers.threshold())), bar, pupils, content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        pupils.removeAll();
        if (school.getValue() == null) {
            return;
        }
        SchoolDashboard.Figures f = dashboard.figures(viewer, school.getValue().id(), year.getValue());
        shown = f;
        List<String> kinds = Labels.ABSENCE_KINDS.stream().map(FigureTable.Heading::key).toList();
        content.add(DashboardParts.figure(f.absenceByMonth(), SvgChart.of(SvgChart.Kind.BAR, f.absenceByMonth(), kinds,
                getTranslation("monitoring.chart.absenceByMonth")), (row, c) -> clickable(f, row, c, true)));
        content.add(DashboardParts.figure(f.absenceByMonthLastYear(), comparison(f), null));
        content.add(DashboardParts.figure(f.absenceByClassYear(), SvgChart.of(SvgChart.Kind.BAR, f.absenceByClassYear(), kinds,
                getTranslation("monitoring.chart.classYear")), (row, c) -> clickable(f, row, c, false)));
        content.add(DashboardParts.figure(f.duoReports(), null, null));
        content.add(DashboardParts.figure(f.pupilsOnTables(), null, null));
        content.add(new Paragraph(f.mazl()));
    }

    /** Unauthorised absence per month, this school year against last. */
    private String comparison(SchoolDashboard.Figures f) {
        List<String> months = new ArrayList<>();
        List<Long> thisYear = new ArrayList<>();
        List<Long> lastYear = new ArrayList<>();
        int column = f.absenceByMonth().columnIndex("UNAUTHORISED");
        for (int i = 0; i < f.absenceByMonth().rows().size(); i++) {
            FigureTable.Row row = f.absenceByMonth().rows().get(i);
            if (row.total()) {
                continue;
            }
            months.add(row.label().split(" ")[0]);
            thisYear.add(row.cells().get(column).value());
            lastYear.add(f.absenceByMonthLastYear().rows().get(i).cells().get(column).value());
        }
        return SvgChart.draw(SvgChart.Kind.LINE, months, List.of(new SvgChart.Series(getTranslation("monitoring.series.thisYear"), thisYear),
                new SvgChart.Series(getTranslation("monitoring.series.lastYear"), lastYear)), getTranslation("monitoring.chart.unauthorisedYears"));
    }

    /** A non-zero figure of a kind column as a button that lists the pupils behind it; totals stay text. */
    private Component clickable(SchoolDashboard.Figures f, FigureTable.Row row, int column, boolean byMonth) {
        FigureTable table = byMonth ? f.absenceByMonth() : f.absenceByClassYear();
        String kind = table.columns().get(column).key();
        FigureTable.Cell cell = row.cells().get(column);
        if (row.total() || SmallNumbers.TOTAL.equals(kind) || "0".equals(cell.text())) {
            return null;
        }
        Button open = new Button(cell.text());
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        open.addClassName("figure-open");
        String what = table.columns().get(column).label() + ", " + row.label();
        open.getElement().setAttribute("aria-label", getTranslation("monitoring.pupils.aria", table.columns().get(column).label(), row.label()));
        open.addClickListener(e -> showPupils(what, byMonth
                ? dashboard.pupilsBehind(viewer, f.schoolId(), f.schoolYear(), row.key(), kind, null)
                : dashboard.pupilsBehind(viewer, f.schoolId(), f.schoolYear(), null, kind, Integer.valueOf(row.key()))));
        return open;
    }

    private void showPupils(String what, List<PupilView> list) {
        pupils.removeAll();
        pupils.add(new H3(getTranslation("monitoring.pupils.title", what)));
        if (list.isEmpty()) {
            pupils.add(new Paragraph(getTranslation("monitoring.pupils.none")));
        }
        UnorderedList names = new UnorderedList();
        for (PupilView pupil : list) {
            names.add(new ListItem(new Anchor("leerling/" + pupil.id(), pupil.label())));
        }
        pupils.add(names);
    }
}
