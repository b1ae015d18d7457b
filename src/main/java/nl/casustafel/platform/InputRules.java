package nl.casustafel.platform;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What Casustafel accepts as free text and as a date, wherever it comes from. The REST API applies these
 * rules through {@link PlainText} and {@link PlausibleDate} on its request records; a service or view that
 * takes text or dates from elsewhere asks {@link #requireText} and {@link #requireDate}. The messages are
 * Dutch and name no value, so they may be shown beside the field.
 */
public final class InputRules {

    /** No case in Casustafel is about something before this day (the platform dates from 2026; files reach back years, not decades). */
    public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    private InputRules() {
    }

    /**
     * Why this text may not be stored, if it may not: longer than {@code max} characters (as PostgreSQL counts
     * them for a {@code varchar(max)}), a control character other than tab, line feed and carriage return
     * (PostgreSQL refuses the NUL character outright; the others garble minutes and PDFs), or half of a UTF-16
     * surrogate pair (it cannot be written as UTF-8 and would silently become a question mark).
     */
    public static Optional<String> textProblem(CharSequence text, int max) {
        if (text == null) {
            return Optional.empty();
        }
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("bevat een ongeldig teken (een losse helft van een UTF-16-tekenpaar)");
            } else if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return Optional.of("bevat een stuurteken dat niet is toegestaan (zoals het nulteken); alleen tab en nieuwe regel mogen");
            }
            length++;
        }
        if (length > max) {
            return Optional.of("is te lang: hooguit " + max + " tekens");
        }
        return Optional.empty();
    }

    /**
     * Why this date is implausible, if it is: before {@link #EARLIEST}, or after {@code today} plus
     * {@code yearsAhead} years ({@code 0}: not in the future, for a day on which something happened).
     */
    public static Optional<String> dateProblem(LocalDate date, LocalDate today, int yearsAhead) {
        if (date == null) {
            return Optional.empty();
        }
        if (date.isBefore(EARLIEST)) {
            return Optional.of("mag niet vóór " + EARLIEST.getYear() + " liggen");
        }
        if (yearsAhead <= 0 && date.isAfter(today)) {
            return Optional.of("mag niet in de toekomst liggen");
        }
        if (yearsAhead > 0 && date.isAfter(today.plusYears(yearsAhead))) {
            return Optional.of("mag hooguit " + yearsAhead + " jaar vooruit liggen");
        }
        return Optional.empty();
    }

    /** The text, or an {@link InvalidInputException} on {@code field} saying why it may not be stored. */
    public static String requireText(String field, String text, int max) {
        textProblem(text, max).ifPresent(problem -> {
            throw new InvalidInputException(field, "De tekst " + problem + ".");
        });
        return text;
    }

    /** The date, or an {@link InvalidInputException} on {@code field} saying why it is implausible. */
    public static LocalDate requireDate(String field, LocalDate date, LocalDate today, int yearsAhead) {
        dateProblem(date, today, yearsAhead).ifPresent(problem -> {
            throw new InvalidInputException(field, "De datum " + problem + ".");
        });
        return date;
    }
}
