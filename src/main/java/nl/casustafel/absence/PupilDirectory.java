package nl.casustafel.absence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.casustafel.school.Sector;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Matches the pupils named in a school's absence export (by BSN) to the platform's pupils of the
 * schools the importing user works for. Only for matching: nothing read here is shown or logged.
 */
@Singleton
public class PupilDirectory {

    private final JdbcOperations jdbc;

    public PupilDirectory(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public record SchoolRef(long id, String brin, String name, Sector sector) {
    }

    public record PupilRef(long id, long schoolId, LocalDate enrolledOn, @Nullable LocalDate enrolledUntil) {
        public boolean enrolledOn(LocalDate day) {
            return !day.isBefore(enrolledOn) && (enrolledUntil == null || !day.isAfter(enrolledUntil));
        }
    }

    /** The schools and their pupils (by BSN) a user works for. */
    public record Scope(Map<String, SchoolRef> schoolsByBrin, Map<String, PupilRef> pupilsByBsn) {
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
        Map<String, PupilRef> pupils = new HashMap<>();
        jdbc.prepareStatement("""
                SELECT p.id, p.school_id, p.enrolled_on, p.enrolled_until, i.bsn
                  FROM pupil p JOIN pupil_identity i ON i.pupil_id = p.id
                 WHERE p.school_id = ANY (?)
                """, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids));
            statement.setFetchSize(5000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Date until = rs.getDate("enrolled_until");
                    pupils.put(rs.getString("bsn"), new PupilRef(rs.getLong("id"), rs.getLong("school_id"),
                            rs.getDate("enrolled_on").toLocalDate(), until == null ? null : until.toLocalDate()));
                }
            }
            return null;
        });
        return new Scope(schools, pupils);
    }
}
