package nl.casustafel.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.covenant.PupilField;

import java.time.LocalDate;
import java.util.Set;

/**
 * A pupil as one viewer may see it: every field the decision does not allow is null. The
 * explanation answers "why do I see this?" in Dutch; {@code table} names the meeting series whose
 * alias is shown.
 * <p>
 * {@code pupilId} is the platform's pupil number for the server's own use and is never written out (read-only
 * for JSON, so a client can still read this record). Outside
 * the server the pupil is referred to by {@code id} (the pupil number, only for a viewer who sees the
 * pupil by name) or by {@code handle} (at a table: random per table and pupil, so the same pupil at two
 * tables cannot be linked, nor an alias to a name seen elsewhere).
 */
@Serdeable
public record PupilView(@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) long pupilId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long id,
                        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String handle,
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

    /** How to refer to the pupil in a URL or API call: the handle at a table, else the pupil number. */
    public String ref() {
        return handle != null ? handle : String.valueOf(id);
    }
}
