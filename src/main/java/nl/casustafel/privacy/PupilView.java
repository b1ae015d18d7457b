package nl.casustafel.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.covenant.PupilField;

import java.time.LocalDate;
import java.util.Set;

/**
 * A pupil as one viewer may see it: every field the decision does not allow is null. The
 * explanation answers "why do I see this?" in Dutch; {@code table} names the meeting series whose
 * alias is shown.
 */
@Serdeable
public record PupilView(long id,
                        Disclosure disclosure,
                        @Nullable String alias,
                        @Nullable String name,
                        @Nullable LocalDate birthDate,
                        @Nullable String bsn,
                        @Nullable String address,
                        @Nullable String residence,
                        @Nullable Long schoolId,
                        @Nullable String school,
                        @Nullable Integer schoolYear,
                        @Nullable Long seriesId,
                        @Nullable String table,
                        Set<PupilField> fields,
                        Basis basis,
                        String explanation) {

    /** What to call the pupil on screen: the name when identified, else the alias. */
    public String label() {
        return name != null ? name : alias;
    }
}
