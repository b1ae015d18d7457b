package nl.casustafel.pupil;

import io.micronaut.core.annotation.Nullable;

/** Filters of the pupil list: part of a name, and a school year (leerjaar). */
public record PupilSearch(@Nullable String name, @Nullable Integer schoolYear) {

    public static PupilSearch all() {
        return new PupilSearch(null, null);
    }

    String namePattern() {
        if (name == null || name.isBlank()) {
            return null;
        }
        String escaped = name.trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
