package nl.casustafel.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way into the identity table from outside the kernel: recording who a new pupil is, and finding
 * a pupil by BSN (for a source that names pupils by BSN, such as the demo region or a school's absence
 * export), finding the own school's pupils by name, and destroying an identity when a file is destroyed. It
 * answers pupil ids and blind indexes, never an identity; reading identity goes through {@link PupilReader}. {@code ArchitectureTest} keeps the
 * identity classes reachable only from this package.
 */
@Singleton
public class PupilIdentities {

    private final PupilIdentityRepository identities;
    private final JdbcOperations jdbc;

    PupilIdentities(PupilIdentityRepository identities, JdbcOperations jdbc) {
        this.identities = identities;
        this.jdbc = jdbc;
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

    /**
     * The pupils of these schools whose name contains {@code namePattern} (a lower-case SQL {@code LIKE}
     * pattern; null for all), in a school year if given, ordered by family name: ids only, for a school's
     * own staff to read through {@link PupilReader}, which decides and logs what each sees.
     */
    public List<Long> ofSchoolsByName(Collection<Long> schoolIds, @Nullable String namePattern, @Nullable Integer schoolYear,
                                      int limit) {
        return jdbc.prepareStatement("""
                SELECT p.id FROM pupil p JOIN pupil_identity i ON i.pupil_id = p.id
                 WHERE p.school_id = ANY (?)
                   AND (?::text IS NULL OR lower(i.given_name || ' ' || i.family_name) LIKE ?)
                   AND (?::int IS NULL OR p.school_year = ?)
                 ORDER BY i.family_name, i.given_name, p.id
                 LIMIT ?
                """, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", schoolIds.toArray()));
            statement.setString(2, namePattern);
            statement.setString(3, namePattern);
            statement.setObject(4, schoolYear, Types.INTEGER);
            statement.setObject(5, schoolYear, Types.INTEGER);
            statement.setInt(6, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /** A pupil of a school with the blind index of its BSN, for matching a source that names pupils by BSN. */
    public record IndexedPupil(long pupilId, long schoolId, LocalDate enrolledOn, @Nullable LocalDate enrolledUntil, byte[] bsnIndex) {
    }

    /**
     * Every pupil of these schools with its BSN's blind index (see {@link BsnCipher#index(String)}), streamed
     * to {@code sink}: a school's absence export names its pupils by BSN. Never the BSN itself.
     */
    public void forEachIndexed(Collection<Long> schoolIds, Consumer<IndexedPupil> sink) {
        jdbc.prepareStatement("""
                SELECT p.id, p.school_id, p.enrolled_on, p.enrolled_until, i.bsn_index
                  FROM pupil p JOIN pupil_identity i ON i.pupil_id = p.id
                 WHERE p.school_id = ANY (?)
                """, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", schoolIds.toArray()));
            statement.setFetchSize(5000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Date until = rs.getDate("enrolled_until");
                    sink.accept(new IndexedPupil(rs.getLong("id"), rs.getLong("school_id"), rs.getDate("enrolled_on").toLocalDate(),
                            until == null ? null : until.toLocalDate(), rs.getBytes("bsn_index")));
                }
            }
            return null;
        });
    }

    /** Destroys who the pupil was, as part of destroying its file (retention): the identity row goes. */
    public void destroy(long pupilId) {
        identities.deleteById(pupilId);
    }
}
