package nl.casustafel.monitoring;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
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
import nl.casustafel.privacy.SmallNumbers;
import nl.casustafel.ui.CurrentUser;
import nl.casustafel.ui.MainLayout;

import java.util.List;

/** Cijfers gemeente: the attendance officer's dashboard of a municipality he is sworn for. Counts only. */
@Menu(title = "nav.monitoringMunicipality", order = 8, icon = "vaadin:chart")
@Route(value = "cijfers/gemeente", layout = MainLayout.class)
@PageTitle("Cijfers gemeente | Casustafel")
@RolesAllowed("ATTENDANCE_OFFICER")
@Prototype
public class MunicipalityMonitoringView extends VerticalLayout {

    private final MunicipalityDashboard dashboard;
    private final Viewer viewer = CurrentUser.require();
    private final Select<Integer> year;
    private final Select<FigureTable.Heading> municipality = new Select<>();
    private final Div content = new Div();
    private volatile MunicipalityDashboard.Figures shown;

    public MunicipalityMonitoringView(MunicipalityDashboard dashboard, RegionDashboard region, MonitoringExport export, SmallNumbers smallNumbers) {
        this.dashboard = dashboard;
        year = DashboardParts.schoolYears(this, region.currentYear());
        List<FigureTable.Heading> own = dashboard.municipalitiesOf(viewer);
        municipality.setLabel(getTranslation("monitoring.filter.municipality"));
        municipality.setItems(own);
        municipality.setItemLabelGenerator(FigureTable.Heading::label);
        municipality.setId("monitoring-municipality");
        if (!own.isEmpty()) {
            municipality.setValue(own.getFirst());
        }
        year.addValueChangeListener(e -> refresh());
        municipality.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(year, municipality);
        DashboardParts.downloads(this, export, "cijfers-gemeente", () -> shown.tables()).forEach(bar::add);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        content.setWidthFull();
        add(new H2(getTranslation("monitoring.municipality.title")), new Paragraph(getTranslation("monitoring.municipality.intro")),
                new Paragraph(getTranslation("monitoring.smallNumbers", smallNumbers.threshold())), bar, content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        if (municipality.getValue() == null) {
            return;
        }
        MunicipalityDashboard.Figures f = dashboard.figures(viewer, Long.valueOf(municipality.getValue().key()), year.getValue());
        shown = f;
        List<String> years = f.duoReports().columns().stream().map(FigureTable.Heading::key).toList();
        content.add(DashboardParts.figure(f.duoReports(), SvgChart.of(SvgChart.Kind.BAR, f.duoReports(), years,
                getTranslation("monitoring.chart.duo")), null));
        content.add(DashboardParts.figure(f.crossBorder(), SvgChart.of(SvgChart.Kind.BAR, f.crossBorder(), List.of("LIVES_HERE", "SCHOOL_HERE"),
                getTranslation("monitoring.chart.crossBorder")), null));
    }
}
