package nl.casustafel.rights;

import jakarta.inject.Singleton;
import nl.casustafel.platform.ClockFactory;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;

/**
 * Renders an {@link AccessOverview} as a PDF with OpenPDF, in Dutch, in the style of the minutes. It prints
 * only what the overview holds; the document metadata names the request, never the pupil.
 */
@Singleton
public class AccessOverviewPdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(ClockFactory.AMSTERDAM);
    private static final Color GREY = new Color(0x55, 0x5f, 0x6d);
    private static final Color HEADER_FILL = new Color(0xe8, 0xee, 0xf4);
    private static final Font TITLE = new Font(Font.HELVETICA, 17, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD, new Color(0x1f, 0x3a, 0x5f));
    private static final Font BODY = new Font(Font.HELVETICA, 9.5f);
    private static final Font LABEL = new Font(Font.HELVETICA, 9.5f, Font.BOLD);
    private static final Font NOTE = new Font(Font.HELVETICA, 9, Font.ITALIC, GREY);
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, GREY);

    public byte[] render(AccessOverview overview) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer(overview));
            document.addTitle("Inzageoverzicht bij verzoek " + overview.requestId());
            document.addCreator("Casustafel");
            document.open();
            document.add(new Paragraph("Inzageoverzicht", TITLE));
            document.add(new Paragraph("Persoonsgegevens van " + overview.pupil() + " in Casustafel, bij het verzoek om inzage aan "
                    + overview.table() + " (art. 13 convenant, art. 15 AVG).", BODY));
            document.add(new Paragraph("Bij elk gegeven staat welke partij het heeft ingebracht; die partij is verantwoordelijk voor de "
                    + "juistheid ervan. Opgesteld door " + overview.producedBy() + " (" + overview.producedByParty() + ") op "
                    + DATE.format(overview.producedOn()) + ".", NOTE));
            for (AccessOverview.Section section : overview.sections()) {
                document.add(heading(section.title()));
                if (section.items() == null || section.items().isEmpty()) {
                    document.add(new Paragraph("Geen gegevens vastgelegd.", NOTE));
                    continue;
                }
                PdfPTable table = table(new float[]{3, 6, 3}, "Gegeven", "Inhoud", "Ingebracht door");
                for (AccessOverview.Item item : section.items()) {
                    table.addCell(cell(item.label()));
                    table.addCell(cell(item.value()));
                    table.addCell(cell(item.broughtInBy() == null ? "" : item.broughtInBy()));
                }
                document.add(table);
            }
            document.add(heading("Wie heeft de gegevens ingezien (toegangslog)"));
            PdfPTable log = table(new float[]{2.2f, 3.2f, 4.4f, 2.2f}, "Wanneer", "Wie (partij)", "Context", "Grondslag");
            for (AccessOverview.LogEntry entry : overview.accessLog()) {
                log.addCell(cell(STAMP.format(entry.at())));
                log.addCell(cell((entry.name() == null ? entry.username() : entry.name()) + " (" + entry.party() + ")"));
                log.addCell(cell(entry.purpose()));
                log.addCell(cell(entry.basis()));
            }
            document.add(log);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render the access overview of request " + overview.requestId(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static Paragraph heading(String text) {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(4);
        return heading;
    }

    private static PdfPTable table(float[] widths, String... headers) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, LABEL));
            cell.setBackgroundColor(HEADER_FILL);
            cell.setPadding(4);
            table.addCell(cell);
        }
        return table;
    }

    private static PdfPCell cell(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, BODY));
        cell.setPadding(4);
        return cell;
    }

    /** Confidentiality line and page number on every page. */
    private static final class Footer extends PdfPageEventHelper {
        private final String line;

        Footer(AccessOverview overview) {
            this.line = "Vertrouwelijk: alleen voor de betrokkene en de regisseur van het overleg (verzoek " + overview.requestId() + ").";
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            float y = document.bottom() - 26;
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_LEFT, new Phrase(line, SMALL), document.left(), y, 0);
            ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_RIGHT,
                    new Phrase("pagina " + writer.getPageNumber(), SMALL), document.right(), y, 0);
        }
    }
}
