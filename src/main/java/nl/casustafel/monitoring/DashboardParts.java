package nl.casustafel.monitoring;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import nl.casustafel.privacy.FigureTable;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** What the three dashboard screens share: the school-year choice, the downloads, a chart with its table. */
final class DashboardParts {

    private DashboardParts() {
    }

    /** The current school year and the four before it, newest first. */
    static Select<Integer> schoolYears(Component owner, SchoolYear current) {
        Select<Integer> select = new Select<>();
        select.setLabel(owner.getTranslation("monitoring.filter.schoolYear"));
        select.setItems(IntStream.rangeClosed(0, 4).mapToObj(i -> current.start() - i).toList());
        select.setItemLabelGenerator(y -> new SchoolYear(y).label());
        select.setValue(current.start());
        select.setId("monitoring-year");
        return select;
    }

    /** CSV and XLSX of the tables as shown (the supplier gives the current ones). */
    static List<Anchor> downloads(Component owner, MonitoringExport export, String name, Supplier<List<FigureTable>> tables) {
        Anchor csv = download(owner, "csv", VaadinIcon.FILE_TEXT_O, () -> export.csv(name, tables.get()));
        Anchor xlsx = download(owner, "xlsx", VaadinIcon.FILE_TABLE, () -> export.xlsx(name, tables.get()));
        return List.of(csv, xlsx);
    }

    private static Anchor download(Component owner, String format, VaadinIcon icon, Supplier<MonitoringExport.File> file) {
        Anchor anchor = new Anchor();
        anchor.setHref(DownloadHandler.fromInputStream(event -> {
            MonitoringExport.File f = file.get();
            return new DownloadResponse(new ByteArrayInputStream(f.content()), f.fileName(), f.contentType(), f.content().length);
        }), AttachmentType.DOWNLOAD);
        anchor.add(icon.create(), new Span(owner.getTranslation("monitoring.export." + format)));
        anchor.getElement().setAttribute("title", owner.getTranslation("monitoring.export.title"));
        anchor.setId("monitoring-export-" + format);
        return anchor;
    }

    /** A chart and, below it, its numbers as a table. */
    static Div figure(FigureTable table, String svg, java.util.function.BiFunction<FigureTable.Row, Integer, Component> cells) {
        Div block = new Div();
        block.addClassName("monitoring-figure");
        if (svg != null) {
            block.add(new ChartView(table.id(), svg));
        }
        block.add(new FigureTableView(table, cells));
        return block;
    }
}
