package nl.casustafel.pupil;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.privacy.Disclosure;

import java.time.LocalDate;

/** A pupil as one viewer may see it in a list. Identity fields are null unless identified. */
@Serdeable
public record PupilListItem(long id,
                            long schoolId,
                            String schoolName,
                            int schoolYear,
                            Disclosure disclosure,
                            @Nullable String name,
                            @Nullable LocalDate birthDate) {
}
