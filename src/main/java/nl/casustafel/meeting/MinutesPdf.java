package nl.casustafel.meeting;

import nl.casustafel.platform.DutchDates;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.casustafel.platform.PdfBlocks;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Renders {@link Minutes} as a PDF with OpenPDF, in Dutch. It prints only what the model holds: the
 * choice of what a participant may read is made in {@link MinutesService}. The document metadata
 * names the meeting type and date, never a pupil.
 */
@Singleton
public class MinutesPdf {

    private static final Locale DUTCH = DutchDates.DUTCH;
    private static final String CONFIDENTIAL =
            "Vertrouwelijk: alleen voor de deelnemers aan dit overleg. Niet doorsturen en niet e-mailen.";

    private static final Font TITLE = new Font(Font.HELVETICA, 17, Font.BOLD);
    private static final Font SUBTITLE = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font ITEM = new Font(Font.HELVETICA, 10.5f, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10);
    private static final Font LABEL = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font NOTE = new Font(Font.HELVETICA, 9, Font.ITALIC, PdfBlocks.GREY);

    public byte[] render(Minutes minutes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(PdfBlocks.footer(CONFIDENTIAL,
                    "Opgesteld voor " + minutes.preparedFor() + " op " + DutchDates.DATE_TIME.format(minutes.preparedAt()) + "."));
            document.addTitle("Notulen " + minutes.typeLabel() + " " + DutchDates.DATE.format(minutes.date()));
            document.addSubject(minutes.tableName());
            document.addCreator("Casustafel");
            document.open();
            header(document, minutes);
            participants(document, minutes);
            if (minutes.policy() == MinutesPolicy.NONE_PERSONAL) {
                summary(document, minutes);
            } else {
                items(document, minutes);
            }
            actions(document, minutes);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not render the minutes of meeting " + minutes.meetingId(), e);
        }
        return out.toByteArray();
    }

    private static void header(Document document, Minutes minutes) {
        document.add(new Paragraph("Notulen " + minutes.typeLabel(), TITLE));
        Paragraph table = new Paragraph(minutes.tableName(), SUBTITLE);
        table.setSpacingBefore(2);
        document.add(table);
        String when = DutchDates.LONG_DATE.format(minutes.startsAt()) + ", " + DutchDates.TIME.format(minutes.startsAt()) + " uur";
        Paragraph facts = new Paragraph();
        facts.setSpacingBefore(6);
        facts.add(line("Datum", when));
        if (minutes.location() != null && !minutes.location().isBlank()) {
            facts.add(Chunk.NEWLINE);
            facts.add(line("Locatie", minutes.location()));
        }
        facts.add(Chunk.NEWLINE);
        facts.add(line("Status", status(minutes.status())));
        document.add(facts);
        Paragraph policy = new Paragraph(policyText(minutes.policy()), NOTE);
        policy.setSpacingBefore(6);
        document.add(policy);
    }

    private static void participants(Document document, Minutes minutes) {
        document.add(PdfBlocks.heading("Aanwezig"));
        if (!minutes.attendanceRecorded()) {
            document.add(new Paragraph("De voorzitter heeft de aanwezigheid (nog) niet vastgelegd.", BODY));
            return;
        }
        if (minutes.present().isEmpty()) {
            document.add(new Paragraph("Niemand is als aanwezig vastgelegd.", BODY));
        } else {
            PdfPTable table = PdfBlocks.table(new float[]{1, 1.4f}, LABEL, "Naam", "Partij");
            for (Minutes.Participant p : minutes.present()) {
                table.addCell(PdfBlocks.cell(p.chair() ? p.name() + " (voorzitter)" : p.name(), BODY));
                table.addCell(PdfBlocks.cell(p.party(), BODY));
            }
            document.add(table);
        }
        if (!minutes.excused().isEmpty()) {
            Paragraph excused = new Paragraph();
            excused.setSpacingBefore(4);
            excused.add(line("Afwezig met kennisgeving", String.join(", ", minutes.excused().stream()
                    .map(p -> p.name() + " (" + p.party() + ")").toList())));
            document.add(excused);
        }
    }

    private static void summary(Document document, Minutes minutes) {
        document.add(PdfBlocks.heading("Samenvatting"));
        Paragraph counts = new Paragraph();
        counts.add(line("Aantal besproken leerlingen", String.valueOf(minutes.pupilsDiscussed())));
        counts.add(Chunk.NEWLINE);
        counts.add(line("Aantal afgesproken DUO-meldingen", String.valueOf(minutes.duoReportsAgreed())));
        document.add(counts);
        if (!minutes.items().isEmpty()) {
            Paragraph aliases = new Paragraph();
            aliases.setSpacingBefore(4);
            aliases.add(line("Besproken (schuilnamen)", String.join(", ", minutes.items().stream().map(Minutes.Item::pupil).toList())));
            document.add(aliases);
        }
    }

    private static void items(Document document, Minutes minutes) {
        document.add(PdfBlocks.heading("Besproken leerlingen"));
        if (minutes.items().isEmpty()) {
            document.add(new Paragraph("Er stonden geen leerlingen op de agenda.", BODY));
            return;
        }
        String caseRole = minutes.caseRole() == null ? "Casusregisseur" : capitalised(minutes.caseRole());
        String outcomeLabel = minutes.policy() == MinutesPolicy.BRIEF_NAME_BIRTHDATE ? "Casus en voortgang" : "Uitkomst";
        for (Minutes.Item item : minutes.items()) {
            Paragraph title = new Paragraph();
            title.setSpacingBefore(item == minutes.items().getFirst() ? 0 : 8);
            title.add(new Chunk(item.position() + ". " + item.pupil(), ITEM));
            if (item.birthDate() != null) {
                title.add(new Chunk(", geboren " + DutchDates.DATE.format(item.birthDate()), ITEM));
            }
            if (!item.identified()) {
                title.add(new Chunk("   onder schuilnaam", NOTE));
            }
            title.setKeepTogether(true);
            document.add(title);
            Paragraph facts = new Paragraph();
            facts.setIndentationLeft(14);
            addLine(facts, "Hulpvraag", item.hulpvraag());
            addLine(facts, "Reden van aanmelding", item.reason());
            addLine(facts, caseRole, item.caseManager());
            addLine(facts, outcomeLabel, item.outcome());
            if (!facts.isEmpty()) {
                document.add(facts);
            }
            if (!item.notes().isEmpty()) {
                Paragraph notes = new Paragraph(new Chunk("Notities", LABEL));
                notes.setIndentationLeft(14);
                document.add(notes);
                for (Minutes.Note note : item.notes()) {
                    Paragraph p = new Paragraph();
                    p.setIndentationLeft(24);
                    p.add(new Chunk("– " + note.text(), BODY));
                    p.add(new Chunk("  (" + note.author() + ", " + note.party() + ")", NOTE));
                    document.add(p);
                }
            }
        }
    }

    private static void actions(Document document, Minutes minutes) {
        document.add(PdfBlocks.heading("Afspraken"));
        if (minutes.actions().isEmpty()) {
            document.add(new Paragraph("Er zijn geen afspraken vastgelegd.", BODY));
            return;
        }
        PdfPTable table = PdfBlocks.table(new float[]{1.1f, 2.6f, 1.3f, 0.9f, 0.9f}, LABEL, "Leerling", "Afspraak", "Wie", "Uiterlijk", "Stand");
        for (Minutes.Action action : minutes.actions()) {
            table.addCell(PdfBlocks.cell(action.pupil() == null ? "–" : action.pupil(), BODY));
            table.addCell(PdfBlocks.cell(action.duoReport() ? action.what() + " (DUO-melding)" : action.what(), BODY));
            table.addCell(PdfBlocks.cell(action.owner(), BODY));
            table.addCell(PdfBlocks.cell(DutchDates.DATE.format(action.dueOn()), BODY));
            table.addCell(PdfBlocks.cell(action.doneOn() == null ? "open" : "gedaan " + DutchDates.DATE.format(action.doneOn()), BODY));
        }
        document.add(table);
    }

    // ---------------------------------------------------------------- building blocks

    private static Phrase line(String label, String value) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(label + ": ", LABEL));
        phrase.add(new Chunk(value, BODY));
        return phrase;
    }

    private static void addLine(Paragraph paragraph, String label, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        if (!paragraph.isEmpty()) {
            paragraph.add(Chunk.NEWLINE);
        }
        paragraph.add(line(label, value));
    }

    private static String status(Meeting.Status status) {
        return switch (status) {
            case PLANNED -> "gepland (concept: het overleg is nog niet gehouden)";
            case OPEN -> "bezig (concept: het overleg is nog niet gesloten)";
            case CLOSED -> "gesloten";
            case CANCELLED -> "afgelast";
        };
    }

    private static String policyText(MinutesPolicy policy) {
        return switch (policy) {
            case NONE_PERSONAL -> "Van dit overleg gaan geen persoonsgegevens mee: alleen schuilnamen, aantallen en de gemaakte "
                    + "afspraken (convenant, bijlage 3).";
            case SHORT_WITH_NAME -> "Korte notulen. Een leerling staat er met naam in als u die leerling herkenbaar mag zien, "
                    + "anders onder de schuilnaam; u leest alleen de notities die u mag inzien.";
            case BRIEF_NAME_BIRTHDATE -> "Beknopt verslag. Naam en geboortedatum staan er alleen in als u de leerling herkenbaar mag "
                    + "zien, anders de schuilnaam; de casus- en voortgangsbeschrijving ook alleen dan.";
        };
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

}
