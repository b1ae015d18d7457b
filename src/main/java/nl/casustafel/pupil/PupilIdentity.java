package nl.casustafel.pupil;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** Who a pupil is. Kept apart from the case data and only read through the privacy kernel. */
@MappedEntity("pupil_identity")
public record PupilIdentity(@Id Long pupilId,
                            String givenName,
                            String familyName,
                            LocalDate birthDate,
                            String bsn,
                            String streetAddress,
                            String postalCode,
                            Long residenceMunicipalityId) {

    public String fullName() {
        return givenName + " " + familyName;
    }
}
