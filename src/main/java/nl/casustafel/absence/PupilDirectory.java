package nl.casustafel.absence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.casustafel.privacy.BsnCipher;
import nl.casustafel.privacy.PupilIdentities;
import nl.casustafel.school.Sector;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Matches the pupils named in a school's absence export (by BSN) to the platform's pupils of the
 * schools the importing user works for. Only for matching: nothing read here is shown or logged. The
 * database holds no BSN in plain text: pupils are matched by the BSN's blind index, computed once per
 * distinct BSN of the file.
 */
@Singleton
public class PupilDirectory {

    private final JdbcOperations jdbc;
    private final BsnCipher bsns;
    private final PupilIdentities identities;

    public PupilDirectory(JdbcOperations jdbc, BsnCipher bsns, PupilIdentities identities) {
        this.jdbc = jdbc;
        this.bsns = bsns;
        this.identities = identities;
    }

    public record SchoolRef(long id, String brin, String name, Sector sector) {
    }

    public record PupilRef(long id, long schoolId, LocalDate enrolledOn, @Nullable LocalDate enrolledUntil) {
        public boolean enrolledOn(LocalDate day) {
            return !day.isBefore(enrolledOn) && (enrolledUntil == null || !day.isAfter(enrolledUntil));
        }
    }

    /**
     * The schools and their pupils (by the blind index of their BSN) a user works for. One scope serves one
     * import, read by one thread: it remembers the pupil of every BSN found, so a file of a million rows
     * for 20,000 pupils computes 20,000 HMACs (unknown BSNs are not remembered: they are bounded by nothing).
     */
    public static final class Scope {
        private final Map<String, SchoolRef> schoolsByBrin;
        private final Map<ByteBuffer, PupilRef> pupilsByIndex;
        private final BsnCipher bsns;
        private final Map<String, PupilRef> found = new HashMap<>();

        Scope(Map<String, SchoolRef> schoolsByBrin, Map<ByteBuffer, PupilRef> pupilsByIndex, BsnCipher bsns) {
            this.schoolsByBrin = schoolsByBrin;
            this.pupilsByIndex = pupilsByIndex;
            this.bsns = bsns;
        }

        public Map<String, SchoolRef> schoolsByBrin() {
            return schoolsByBrin;
        }

        /** The pupil with this BSN (9 digits) at one of the user's schools, if any. */
        public Optional<PupilRef> pupil(String bsn) {
            PupilRef pupil = found.get(bsn);
            if (pupil == null) {
                pupil = pupilsByIndex.get(ByteBuffer.wrap(bsns.index(bsn)));
                if (pupil != null) {
                    found.put(bsn, pupil);
                }
            }
            return Optional.ofNullable(pupil);
        }
    }

    public Scope of(Collection<Long> schoolIds) {
        Long[] ids = schoolIds.toArray(Long[]::new);
        Map<String, SchoolRef> schools = new HashMap<>();
        jdbc.prepareStatement("SELECT id, brin, name, sector FROM school WHERE id = ANY (?)", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    schools.put(rs.getString("brin"), new SchoolRef(rs.getLong("id"), rs.getString("brin"), rs.getString("name"),
                            Sector.valueOf(rs.getString("sector"))));
                }
            }
            return null;
        });
        Map<ByteBuffer, PupilRef> pupils = new HashMap<>();
        identities.forEachIndexed(schoolIds, p -> pupils.put(ByteBuffer.wrap(p.bsnIndex()),
                new PupilRef(p.pupilId(), p.schoolId(), p.enrolledOn(), p.enrolledUntil())));
        return new Scope(schools, pupils, bsns);
    }
}
