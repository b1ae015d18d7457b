package nl.casustafel.pupil;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** The non-identifying case data of a pupil: school, school year (leerjaar) and enrolment. */
@MappedEntity("pupil")
public record Pupil(@Id @GeneratedValue Long id,
                    Long schoolId,
                    int schoolYear,
                    LocalDate enrolledOn,
                    @Nullable LocalDate enrolledUntil) {

    public boolean enrolledOn(LocalDate day) {
        return !day.isBefore(enrolledOn) && (enrolledUntil == null || !day.isAfter(enrolledUntil));
    }
}
