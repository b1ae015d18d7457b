package nl.casustafel.oversight;

import jakarta.inject.Singleton;
import nl.casustafel.platform.DutchDates;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ResourceBundle;

/**
 * The result of an access log search as CSV for the privacy officer's report: semicolon-separated (as Dutch
 * spreadsheets open it), UTF-8 with a byte order mark, full timestamps, the same columns as the screen.
 * A search without rows gives the header and the explanation as a comment line.
 */
@Singleton
public class AccessLogCsv {

    public static final String FILE_NAME = "toegangslogboek.csv";
    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    static final String[] HEADER = {"Regel", "Tijdstip", "Gebruiker", "Partij", "Leerlingnummer", "Leerling", "Waar", "Grondslag"};

    private final ResourceBundle labels = ResourceBundle.getBundle("vaadin-i18n/translations", DutchDates.DUTCH);

    public byte[] write(AccessLogSearch.Result result) {
        StringWriter out = new StringWriter().append('\uFEFF');
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader(HEADER).setCommentMarker('#').get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            if (result.explanation() != null) {
                csv.printComment(result.explanation());
            }
            if (result.truncated()) {
                csv.printComment("Alleen de nieuwste " + result.entries().size() + " regels; verfijn de zoekopdracht voor de rest.");
            }
            for (AccessLogSearch.Entry e : result.entries()) {
                csv.printRecord(e.id(), DutchDates.TIMESTAMP.format(e.at()), e.username(), e.party(), e.pupilId(),
                        e.pupilName() == null ? "" : e.pupilName(), e.context(), basis(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** "Toestemming #12": the basis as the screen shows it. */
    String basis(AccessLogSearch.Entry e) {
        return labels.getString("basis." + e.basisKind()) + (e.basisId() == null ? "" : " #" + e.basisId());
    }
}
