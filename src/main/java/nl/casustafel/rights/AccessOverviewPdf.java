package nl.casustafel.rights;

import nl.casustafel.platform.DutchDates;

import jakarta.inject.Singleton;
import nl.casustafel.platform.PdfBlocks;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;

/**
 * Renders an {@link AccessOverview} as a PDF with OpenPDF, in Dutch, in the style of the minutes. It prints
 * only what the overview holds; the document metadata names the request, never the pupil.
 */
@Singleton
public class AccessOverviewPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 17, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9.5f);
    private static final Font LABEL = new Font(Font.HELVETICA, 9.5f, Font.BOLD);
    private static final Font NOTE = new Font(Font.HELVETICA, 9, Font.ITALIC, PdfBlocks.GREY);

    public byte[] render(AccessOverview overview) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(PdfBlocks.footer("Vertrouwelijk: alleen voor de betrokkene en de regisseur van het overleg (verzoek "
                    + overview.requestId() + ")."));
            document.addTitle("Inzageoverzicht bij verzoek " + overview.requestId());
            document.addCreator("Casustafel");
            document.open();
            document.add(new Paragraph("Inzageoverzicht", TITLE));
            document.add(new Paragraph("Persoonsgegevens van " + overview.pupil() + " in Casustafel, bij het verzoek om inzage aan "
                    + overview.table() + " (art. 13 convenant, art. 15 AVG).", BODY));
            document.add(new Paragraph("Bij elk gegeven staat welke partij het heeft ingebracht; die partij is verantwoordelijk voor de "
                    + "juistheid ervan. Opgesteld door " + overview.producedBy() + " (" + overview.producedByParty() + ") op "
                    + DutchDates.DATE.format(overview.producedOn()) + ".", NOTE));
            for (AccessOverview.Section section : overview.sections()) {
                document.add(PdfBlocks.heading(section.title()));
                if (section.items() == null || section.items().isEmpty()) {
                    document.add(new Paragraph("Geen gegevens vastgelegd.", NOTE));
                    continue;
                }
                PdfPTable table = PdfBlocks.table(new float[]{3, 6, 3}, LABEL, "Gegeven", "Inhoud", "Ingebracht door");
                for (AccessOverview.Item item : section.items()) {
                    table.addCell(PdfBlocks.cell(item.label(), BODY));
                    table.addCell(PdfBlocks.cell(item.value(), BODY));
                    table.addCell(PdfBlocks.cell(item.broughtInBy() == null ? "" : item.broughtInBy(), BODY));
                }
                document.add(table);
            }
            document.add(PdfBlocks.heading("Wie heeft de gegevens ingezien (toegangslog)"));
            PdfPTable log = PdfBlocks.table(new float[]{2.2f, 3.2f, 4.4f, 2.2f}, LABEL, "Wanneer", "Wie (partij)", "Context", "Grondslag");
            for (AccessOverview.LogEntry entry : overview.accessLog()) {
                log.addCell(PdfBlocks.cell(DutchDates.DATE_TIME.format(entry.at()), BODY));
                log.addCell(PdfBlocks.cell((entry.name() == null ? entry.username() : entry.name()) + " (" + entry.party() + ")", BODY));
                log.addCell(PdfBlocks.cell(entry.purpose(), BODY));
                log.addCell(PdfBlocks.cell(entry.basis(), BODY));
            }
            document.add(log);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render the access overview of request " + overview.requestId(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

}
