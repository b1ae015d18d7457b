package nl.casustafel.absence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kind of an absence record; {@link #code()} is how a school's export writes it. */
public enum AbsenceKind {
    /** Authorised: sick. */
    SICK("ZIEK", "ziek"),
    /** Authorised: leave granted (verlof). */
    LEAVE("VERLOF", "verlof"),
    /** Authorised: another valid reason. */
    OTHER_VALID("GEOORLOOFD_OVERIG", "overig geoorloofd"),
    UNAUTHORISED("ONGEOORLOOFD", "ongeoorloofd"),
    LATE("TE_LAAT", "te laat");

    private final String code;
    private final String label;

    AbsenceKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The kind for an export code (Dutch) or constant name (English), case-insensitive. */
    public static Optional<AbsenceKind> parse(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.code.equals(value) || k.name().equals(value)).findFirst();
    }
}
