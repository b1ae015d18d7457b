package nl.casustafel.privacy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import io.micronaut.data.annotation.Query;

import java.util.List;
import java.util.Optional;

/** Pupil identities; a BSN is found through its blind index, never by comparing it in the database. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class PupilIdentityRepository implements CrudRepository<PupilIdentity, Long> {

    private final BsnCipher bsns;

    protected PupilIdentityRepository(BsnCipher bsns) {
        this.bsns = bsns;
    }

    /** The identity with this BSN (9 digits), found by its blind index; empty for anything else. */
    public Optional<PupilIdentity> findByBsn(String bsn) {
        if (bsn == null || !bsn.matches("[0-9]{9}")) {
            return Optional.empty();
        }
        return findByBsnIndex(bsns.index(bsn));
    }

    protected abstract Optional<PupilIdentity> findByBsnIndex(byte[] bsnIndex);

    /**
     * Identities whose "given family" or "family, given" name matches the ILIKE pattern (escape character
     * backslash), by family name, at most {@code limit}.
     */
    @Query(value = """
            SELECT * FROM pupil_identity
             WHERE given_name || ' ' || family_name ILIKE :pattern ESCAPE '\\'
                OR family_name || ', ' || given_name ILIKE :pattern ESCAPE '\\'
             ORDER BY lower(family_name), lower(given_name), pupil_id
             LIMIT :limit
            """, nativeQuery = true)
    public abstract List<PupilIdentity> findByNameLike(String pattern, int limit);

    /** Saves a new identity with its BSN encrypted for it. */
    public PupilIdentity saveWithBsn(PupilIdentity identity, String bsn) {
        BsnCipher.Sealed sealed = bsns.seal(identity.pupilId(), bsn);
        return save(new PupilIdentity(identity.pupilId(), identity.givenName(), identity.familyName(), identity.birthDate(),
                sealed.cipher(), sealed.index(), identity.streetAddress(), identity.postalCode(), identity.residenceMunicipalityId()));
    }
}
