package nl.casustafel.privacy;

import jakarta.inject.Singleton;
import nl.casustafel.pupil.PupilIdentity;
import nl.casustafel.pupil.PupilIdentityRepository;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The one way into the identity table from outside the kernel: recording who a new pupil is, and finding
 * a pupil by BSN (for a source that names pupils by BSN, such as the demo region). It answers a pupil id,
 * never an identity; reading identity goes through {@link PupilReader}. {@code ArchitectureTest} keeps the
 * identity classes reachable only from this package.
 */
@Singleton
public class PupilIdentities {

    private final PupilIdentityRepository identities;

    PupilIdentities(PupilIdentityRepository identities) {
        this.identities = identities;
    }

    /** Records who the pupil {@code pupilId} (already saved) is. */
    public void record(long pupilId, String givenName, String familyName, LocalDate birthDate, String bsn,
                       String streetAddress, String postalCode, long residenceMunicipalityId) {
        identities.saveWithBsn(new PupilIdentity(pupilId, givenName, familyName, birthDate, null, null, streetAddress,
                postalCode, residenceMunicipalityId), bsn);
    }

    /** The pupil with this BSN, if there is one. */
    public Optional<Long> pupilWithBsn(String bsn) {
        return identities.findByBsn(bsn).map(PupilIdentity::pupilId);
    }
}
