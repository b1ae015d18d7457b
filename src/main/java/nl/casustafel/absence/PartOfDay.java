package nl.casustafel.absence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A part of the school day, for schools (mostly PO) that register per part of day instead of per hour. */
public enum PartOfDay {
    MORNING("OCHTEND"),
    AFTERNOON("MIDDAG"),
    DAY("DAG");

    private final String code;

    PartOfDay(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<PartOfDay> parse(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.code.equals(value) || p.name().equals(value)).findFirst();
    }
}
