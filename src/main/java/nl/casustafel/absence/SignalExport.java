package nl.casustafel.absence;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.DutchDates;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Verzuimsignalen als CSV: the work list of the viewer's own school as it is filtered and sorted, for a
 * spreadsheet (';' separated, UTF-8 with a byte order mark so that Excel reads the accents). Every pupil
 * comes through the privacy kernel: by name only where the viewer sees the pupil by name, else by alias;
 * each read by name is logged in the access log under {@link #PURPOSE}. Nothing else about a pupil goes in.
 */
@Singleton
public class SignalExport {

    /** The purpose the access log records for each pupil exported by name. */
    public static final String PURPOSE = "export verzuimsignalen (CSV)";
    static final List<String> HEADERS = List.of("Leerling", "Leerjaar", "Signalen", "Ongeoorloofd verzuim (uren, 4 schoolweken)",
            "Ziekmeldingen (12 schoolweken)", "Te laat (schooljaar)", "Open DUO-melding");
    private static final String UNNAMED = "Leerling (naam niet zichtbaar)";

    private final SignalWorkList workList;

    public SignalExport(SignalWorkList workList) {
        this.workList = workList;
    }

    /** The file: its name and its bytes. */
    public record CsvFile(String fileName, byte[] content) {
    }

    @Transactional
    public CsvFile csv(Viewer viewer, LocalDate on, SignalWorkList.Filter filter, SignalSort.Order order) {
        List<SignalWorkList.Entry> entries = workList.of(viewer, on, filter, order, PURPOSE);
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        CSVFormat format = CSVFormat.Builder.create(CSVFormat.EXCEL).setDelimiter(';').setHeader(HEADERS.toArray(String[]::new)).get();
        try (CSVPrinter csv = new CSVPrinter(out, format)) {
            for (SignalWorkList.Entry e : entries) {
                csv.printRecord(cell(e.pupil().label() == null ? UNNAMED : e.pupil().label()),
                        e.pupil().schoolYear() == null ? "" : e.pupil().schoolYear(),
                        cell(e.signals().signals().stream().map(s -> s.type().label()).distinct().collect(Collectors.joining(", "))),
                        hours(e.signals().unauthorisedHours4Weeks()), e.signals().sickReports12Weeks(), e.signals().lateArrivals(),
                        e.openDuoReport() == null ? "" : DutchDates.DATE.format(e.openDuoReport()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CsvFile("verzuimsignalen-" + on + ".csv", out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Hours the Dutch way: {@code 4} or {@code 4,5}. */
    static String hours(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours).replace('.', ',');
    }

    /** A text a spreadsheet would run as a formula (=, +, -, @ first) is kept text with a leading quote. */
    static String cell(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
