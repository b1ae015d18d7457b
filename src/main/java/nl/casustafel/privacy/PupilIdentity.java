package nl.casustafel.privacy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/**
 * Who a pupil is. Kept apart from the case data and only read through the privacy kernel. The BSN is
 * stored encrypted ({@code bsnCipher}, see {@code privacy.BsnCipher}) with a blind index for look-ups
 * ({@code bsnIndex}); only the privacy kernel decrypts it.
 */
@MappedEntity("pupil_identity")
public record PupilIdentity(@Id Long pupilId,
                            String givenName,
                            String familyName,
                            LocalDate birthDate,
                            byte[] bsnCipher,
                            byte[] bsnIndex,
                            String streetAddress,
                            String postalCode,
                            Long residenceMunicipalityId) {

    public String fullName() {
        return givenName + " " + familyName;
    }
}
