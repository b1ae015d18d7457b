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

/** Cijfers regio: the samenwerkingsverband coordinator's dashboard. Counts only; no pupil is named or linked. */
@Menu(title = "nav.monitoringRegion", order = 8, icon = "vaadin:chart")
@Route(value = "cijfers/regio", layout = MainLayout.class)
@PageTitle("Cijfers regio | Casustafel")
@RolesAllowed("PARTNERSHIP_COORDINATOR")
@Prototype
public class RegionMonitoringView extends VerticalLayout {

    private final RegionDashboard dashboard;
    private final Viewer viewer = CurrentUser.require();
    private final Select<Integer> year;
    private final Select<FigureTable.Heading> municipality = new Select<>();
    private final Div content = new Div();
    private volatile RegionDashboard.Figures shown;

    public RegionMonitoringView(RegionDashboard dashboard, MonitoringExport export, SmallNumbers smallNumbers) {
        this.dashboard = dashboard;
        year = DashboardParts.schoolYears(this, dashboard.currentYear());
        municipality.setLabel(getTranslation("monitoring.filter.municipality"));
        municipality.setEmptySelectionAllowed(true);
        municipality.setEmptySelectionCaption(getTranslation("monitoring.filter.allMunicipalities"));
        municipality.setItemLabelGenerator(h -> h == null ? getTranslation("monitoring.filter.allMunicipalities") : h.label());
        municipality.setId("monitoring-municipality");
        municipality.setItems(dashboard.figures(viewer, null, null).municipalities());
        year.addValueChangeListener(e -> refresh());
        municipality.addValueChangeListener(e -> refresh());
        HorizontalLayout bar = new HorizontalLayout(year, municipality);
        DashboardParts.downloads(this, export, "cijfers-regio", () -> shown.tables()).forEach(bar::add);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        content.setWidthFull();
        add(new H2(getTranslation("monitoring.region.title")), new Paragraph(getTranslation("monitoring.region.intro")),
                new Paragraph(getTranslation("monitoring.smallNumbers", smallNumbers.threshold())), bar, content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        Long chosen = municipality.getValue() == null ? null : Long.valueOf(municipality.getValue().key());
        RegionDashboard.Figures f = dashboard.figures(viewer, year.getValue(), chosen);
        shown = f;
        content.add(DashboardParts.figure(f.thuiszittersBySchool(), SvgChart.of(SvgChart.Kind.BAR, f.thuiszittersBySchool(), List.of("COUNT"),
                getTranslation("monitoring.chart.bySchool")), null));
        content.add(DashboardParts.figure(f.thuiszittersByMunicipality(), null, null));
        content.add(DashboardParts.figure(f.duration(), SvgChart.of(SvgChart.Kind.BAR, f.duration(), List.of("COUNT"),
                getTranslation("monitoring.chart.duration")), null));
        content.add(DashboardParts.figure(f.registeredPerMonth(), SvgChart.of(SvgChart.Kind.LINE, f.registeredPerMonth(), List.of("COUNT"),
                getTranslation("monitoring.chart.registered")), null));
        content.add(DashboardParts.figure(f.outcomes(), null, null));
        content.add(DashboardParts.figure(f.throughput(), null, null));
    }
}
