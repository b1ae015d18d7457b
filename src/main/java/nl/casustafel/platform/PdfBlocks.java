package nl.casustafel.platform;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEvent;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.util.List;

/** The building blocks the platform's PDFs (minutes, access overviews) share: headings, tables, the footer. */
public final class PdfBlocks {

    public static final Color GREY = new Color(0x55, 0x5f, 0x6d);
    private static final Color HEADER_FILL = new Color(0xe8, 0xee, 0xf4);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD, new Color(0x1f, 0x3a, 0x5f));
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, GREY);

    private PdfBlocks() {
    }

    public static Paragraph heading(String text) {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(4);
        return heading;
    }

    /** A full-width table whose header row (in {@code label}) repeats on every page. */
    public static PdfPTable table(float[] widths, Font label, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, label));
            cell.setBackgroundColor(HEADER_FILL);
            cell.setPadding(4);
            table.addCell(cell);
        }
        return table;
    }

    public static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(4);
        return cell;
    }

    /** On every page: the lines at the bottom left, one under the other, and the page number beside the last. */
    public static PdfPageEvent footer(String... lines) {
        List<String> text = List.of(lines);
        return new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter writer, Document document) {
                float y = document.bottom() - 26;
                for (String line : text) {
                    ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT, new Phrase(line, SMALL), document.left(), y, 0);
                    y -= 10;
                }
                ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                        new Phrase("pagina " + writer.getPageNumber(), SMALL), document.right(), y + 10, 0);
            }
        };
    }
}
