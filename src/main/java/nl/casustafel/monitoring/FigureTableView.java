package nl.casustafel.monitoring;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import nl.casustafel.privacy.FigureTable;

import java.util.function.BiFunction;

/**
 * A protected table as an HTML table with a caption and row and column headers, so that a screen reader reads every
 * figure of a chart with its month and kind. A withheld cell shows its text ("&lt; 5", "x") with an explanation as
 * its title. {@code cellContent} may turn a cell into something clickable (the click-through); null renders text.
 */
class FigureTableView extends Div {

    FigureTableView(FigureTable table, BiFunction<FigureTable.Row, Integer, Component> cellContent) {
        addClassName("figure-table-wrap");
        NativeTable html = new NativeTable();
        html.addClassName("figure-table");
        html.setId("table-" + table.id());
        html.setCaptionText(table.title());
        NativeTableHeader head = html.getHead();
        NativeTableRow headRow = new NativeTableRow();
        headRow.add(new NativeTableCell()); // the corner: no heading of its own
        for (FigureTable.Heading column : table.columns()) {
            NativeTableHeaderCell th = new NativeTableHeaderCell(column.label());
            th.getElement().setAttribute("scope", "col");
            headRow.add(th);
        }
        head.add(headRow);
        NativeTableBody body = html.getBody();
        for (FigureTable.Row row : table.rows()) {
            NativeTableRow tr = new NativeTableRow();
            if (row.total()) {
                tr.addClassName("figure-total");
            }
            NativeTableHeaderCell th = new NativeTableHeaderCell(row.label());
            th.getElement().setAttribute("scope", "row");
            tr.add(th);
            for (int c = 0; c < row.cells().size(); c++) {
                FigureTable.Cell cell = row.cells().get(c);
                NativeTableCell td = new NativeTableCell();
                Component content = cellContent == null ? null : cellContent.apply(row, c);
                if (content != null) {
                    td.add(content);
                } else {
                    td.setText(cell.text());
                }
                if (cell.suppressed()) {
                    td.addClassName("figure-withheld");
                    td.getElement().setAttribute("title", getTranslation("monitoring.withheld." + ("x".equals(cell.text()) ? "complement" : "small")));
                }
                tr.add(td);
            }
            body.add(tr);
        }
        add(html);
    }
}
