package nl.casustafel.meeting;

import nl.casustafel.privacy.PupilIdentity;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text of a minutes PDF as PDFBox reads it, with whitespace (line breaks in table cells) folded to one space. */
final class PdfText {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final String text;

    private PdfText(String text) {
        this.text = text;
    }

    static PdfText of(byte[] pdf) {
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF-"), "a PDF");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PdfText(new PDFTextStripper().getText(document).replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String text() {
        return text;
    }

    boolean contains(String fragment) {
        return text.contains(fragment.replaceAll("\\s+", " "));
    }

    void assertContains(String fragment) {
        assertTrue(contains(fragment), () -> "expected '" + fragment + "' in: " + text);
    }

    void assertLacks(String fragment) {
        assertFalse(contains(fragment), () -> "did not expect '" + fragment + "' in the minutes");
    }

    /**
     * No trace of these pupils: no full name, no given or family name as a word, no birth date, no BSN.
     * Names of the professionals in the PDF (participants, owners) are taken out first, since a pupil
     * may share a family name with one of them; so are name parts of pupils the viewer may see by name.
     */
    void assertNoTraceOf(Collection<PupilIdentity> hidden, Collection<PupilIdentity> shown, Collection<String> professionals,
                         LongFunction<String> bsnOf) {
        String rest = text;
        for (String name : professionals) {
            rest = rest.replace(name, " ");
        }
        Set<String> allowedParts = new HashSet<>();
        shown.forEach(p -> allowedParts.addAll(List.of(p.givenName(), p.familyName())));
        for (PupilIdentity pupil : hidden) {
            String where = "pupil " + pupil.pupilId();
            assertFalse(rest.contains(pupil.fullName()), "full name of " + where);
            for (String part : List.of(pupil.givenName(), pupil.familyName())) {
                if (!allowedParts.contains(part)) {
                    assertFalse(Pattern.compile("(?<![\\p{L}])" + Pattern.quote(part) + "(?![\\p{L}])").matcher(rest).find(),
                            "a name part of " + where + " is in the minutes");
                }
            }
            assertFalse(rest.contains(DATE.format(pupil.birthDate())), "birth date of " + where);
            assertFalse(rest.contains(bsnOf.apply(pupil.pupilId())), "BSN of " + where);
        }
    }
}
