package nl.casustafel.privacy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts by where pupils live (the municipality of residence is identity, read only here): DUO reports of
 * pupils living in a municipality and pupils who live and go to school in different municipalities
 * (buitenleerlingen). Returns counts only, never a pupil; they leave the server only through {@link SmallNumbers}.
 */
@Singleton
public class ResidenceFigures {

    private final JdbcOperations jdbc;

    ResidenceFigures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Pupils living in the municipality with a DUO report of the kind reported in the school year starting {@code year}. */
    public record DuoCount(String kind, int schoolYear, long pupils) {
    }

    @Transactional
    public List<DuoCount> duoReports(long municipalityId, int fromYear, int toYear) {
        return jdbc.prepareStatement("""
                SELECT d.kind, extract(year FROM d.reported_on - interval '7 months')::int AS year, count(DISTINCT d.pupil_id)
                  FROM duo_report d JOIN pupil_identity i ON i.pupil_id = d.pupil_id
                 WHERE i.residence_municipality_id = ? AND d.reported_on >= ? AND d.reported_on < ?
                 GROUP BY 1, 2""", statement -> {
            statement.setLong(1, municipalityId);
            statement.setDate(2, Date.valueOf(LocalDate.of(fromYear, 8, 1)));
            statement.setDate(3, Date.valueOf(LocalDate.of(toYear + 1, 8, 1)));
            List<DuoCount> counts = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    counts.add(new DuoCount(rs.getString(1), rs.getInt(2), rs.getLong(3)));
                }
            }
            return counts;
        });
    }

    /**
     * Enrolled pupils on {@code on} by municipality of residence and municipality of school, for the pairs in which
     * the given municipality is one of the two.
     */
    public record CrossCount(long residenceMunicipalityId, long schoolMunicipalityId, long pupils) {
    }

    @Transactional
    public List<CrossCount> crossBorder(long municipalityId, LocalDate on) {
        return jdbc.prepareStatement("""
                SELECT i.residence_municipality_id, s.municipality_id, count(*)
                  FROM pupil p JOIN pupil_identity i ON i.pupil_id = p.id JOIN school s ON s.id = p.school_id
                 WHERE (i.residence_municipality_id = ? OR s.municipality_id = ?)
                   AND p.enrolled_on <= ? AND (p.enrolled_until IS NULL OR p.enrolled_until >= ?)
                 GROUP BY 1, 2""", statement -> {
            statement.setLong(1, municipalityId);
            statement.setLong(2, municipalityId);
            statement.setDate(3, Date.valueOf(on));
            statement.setDate(4, Date.valueOf(on));
            List<CrossCount> counts = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    counts.add(new CrossCount(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return counts;
        });
    }
}
