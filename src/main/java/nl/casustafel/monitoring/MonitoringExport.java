package nl.casustafel.monitoring;

import jakarta.inject.Singleton;
import nl.casustafel.privacy.FigureTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A dashboard's tables as a CSV file (';', Dutch, one block per table) or an XLSX workbook (one sheet per table),
 * written from the protected tables cell by cell: a withheld cell reads "&lt; 5" or "x" exactly as on the screen.
 */
@Singleton
public class MonitoringExport {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public record File(String fileName, String contentType, byte[] content) {
    }

    public File csv(String name, List<FigureTable> tables) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').get())) {
            for (FigureTable table : tables) {
                csv.printRecord(text(table.title()));
                List<String> header = new ArrayList<>();
                header.add("");
                table.columns().forEach(c -> header.add(text(c.label())));
                csv.printRecord(header);
                for (FigureTable.Row row : table.rows()) {
                    List<String> cells = new ArrayList<>();
                    cells.add(text(row.label()));
                    row.cells().forEach(c -> cells.add(c.text()));
                    csv.printRecord(cells);
                }
                csv.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new File(name + ".csv", "text/csv; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8));
    }

    public File xlsx(String name, List<FigureTable> tables) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (FigureTable table : tables) {
                Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.id()));
                org.apache.poi.ss.usermodel.Cell title = sheet.createRow(0).createCell(0);
                title.setCellValue(table.title());
                title.setCellStyle(bold);
                Row header = sheet.createRow(1);
                for (int c = 0; c < table.columns().size(); c++) {
                    org.apache.poi.ss.usermodel.Cell cell = header.createCell(c + 1);
                    cell.setCellValue(table.columns().get(c).label());
                    cell.setCellStyle(bold);
                }
                int r = 2;
                for (FigureTable.Row row : table.rows()) {
                    Row line = sheet.createRow(r++);
                    line.createCell(0).setCellValue(row.label());
                    for (int c = 0; c < row.cells().size(); c++) {
                        FigureTable.Cell figure = row.cells().get(c);
                        org.apache.poi.ss.usermodel.Cell cell = line.createCell(c + 1);
                        if (figure.value() != null) {
                            cell.setCellValue(figure.value());
                        } else {
                            cell.setCellValue(figure.text());
                        }
                    }
                }
                sheet.setColumnWidth(0, 40 * 256);
            }
            book.write(bytes);
            return new File(name + ".xlsx", XLSX, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text a spreadsheet would run as a formula (=, +, -, @ first) is kept text with a leading quote. */
    private static String text(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
