package nl.casustafel.absence;

import nl.casustafel.platform.InvalidInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Reads a school's absence export line by line (never the whole file): a header line naming the
 * columns (separated by ';' or ','; order free), then one record per line. Columns: registratie_id,
 * brin, bsn, datum, lesuur, dagdeel, soort, uren, redencode. Fields may be double-quoted.
 */
public final class AbsenceCsv implements Iterator<AbsenceInput> {

    static final List<String> COLUMNS = List.of("registratie_id", "brin", "bsn", "datum", "lesuur", "dagdeel", "soort", "uren", "redencode");
    private static final List<String> REQUIRED = List.of("registratie_id", "brin", "bsn", "datum", "soort", "uren");

    private final BufferedReader reader;
    private final char separator;
    private final int[] index = new int[COLUMNS.size()];
    private long lineNumber = 1;
    private AbsenceInput next;

    private AbsenceCsv(BufferedReader reader, String header) {
        this.reader = reader;
        String clean = header.startsWith("\uFEFF") ? header.substring(1) : header;
        this.separator = clean.indexOf(';') >= 0 ? ';' : ',';
        List<String> names = split(clean, separator).stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
        for (int i = 0; i < COLUMNS.size(); i++) {
            index[i] = names.indexOf(COLUMNS.get(i));
        }
        for (String required : REQUIRED) {
            if (!names.contains(required)) {
                throw new InvalidInputException("file", "De kopregel mist de kolom '" + required + "'. Verwacht: " + String.join(";", COLUMNS) + ".");
            }
        }
        if (!names.contains("lesuur") && !names.contains("dagdeel")) {
            throw new InvalidInputException("file", "De kopregel mist de kolom 'lesuur' of 'dagdeel'.");
        }
    }

    /** Opens the export; the header is read at once, the records as they are asked for. */
    public static AbsenceCsv open(Reader source) {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source, 1 << 16);
        try {
            String header = reader.readLine();
            if (header == null || header.isBlank()) {
                throw new InvalidInputException("file", "Het bestand is leeg.");
            }
            return new AbsenceCsv(reader, header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    next = input(split(line, separator));
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public AbsenceInput next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        AbsenceInput result = next;
        next = null;
        return result;
    }

    private AbsenceInput input(List<String> fields) {
        return new AbsenceInput(lineNumber, field(fields, 0), field(fields, 1), field(fields, 2), field(fields, 3), field(fields, 4),
                field(fields, 5), field(fields, 6), field(fields, 7), field(fields, 8));
    }

    private String field(List<String> fields, int column) {
        int at = index[column];
        return at >= 0 && at < fields.size() ? fields.get(at) : null;
    }

    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>(10);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
