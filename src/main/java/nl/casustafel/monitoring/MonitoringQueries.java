package nl.casustafel.monitoring;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The counts behind the dashboards, straight from the summary tables (absence) and from the few rows of DUO reports,
 * case lists and closing decisions. Hand-tuned grouping statements rather than repository methods: each returns
 * counts per group, never a pupil (except {@link #absencePupils}, whose ids go only to the privacy kernel).
 * Callers run them in a transaction.
 */
@Singleton
class MonitoringQueries {

    private final JdbcOperations jdbc;

    MonitoringQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A count in a group of up to three keys. */
    record Count(String a, String b, String c, long n) {
    }

    /** Pupils with absence per month and kind at a school, in [from, until). */
    List<Count> absenceByMonth(long schoolId, LocalDate from, LocalDate until) {
        return counts("""
                SELECT to_char(month, 'YYYY-MM'), kind, '', pupils FROM monitoring_absence_month
                 WHERE school_id = ? AND month >= ? AND month < ?""", s -> {
            s.setLong(1, schoolId);
            s.setDate(2, Date.valueOf(from));
            s.setDate(3, Date.valueOf(until));
        });
    }

    /** Pupils with absence per class year and kind at a school in a school year. */
    List<Count> absenceByClassYear(long schoolId, int schoolYear) {
        return counts("""
                SELECT class_year::text, kind, '', pupils FROM monitoring_absence_year
                 WHERE school_id = ? AND school_year = ?""", s -> {
            s.setLong(1, schoolId);
            s.setInt(2, schoolYear);
        });
    }

    /** Pupils with a DUO report of each kind, reported by the school in [from, until). */
    List<Count> duoReportsOfSchool(long schoolId, LocalDate from, LocalDate until) {
        return counts("""
                SELECT kind, '', '', count(DISTINCT pupil_id) FROM duo_report
                 WHERE school_id = ? AND reported_on >= ? AND reported_on < ? GROUP BY kind""", s -> {
            s.setLong(1, schoolId);
            s.setDate(2, Date.valueOf(from));
            s.setDate(3, Date.valueOf(until));
        });
    }

    /** The school's pupils now on a table's case list, per kind of table. */
    List<Count> pupilsOnTables(long schoolId) {
        return counts("""
                SELECT ms.type, '', '', count(DISTINCT sc.pupil_id)
                  FROM series_case sc JOIN meeting_series ms ON ms.id = sc.series_id JOIN pupil p ON p.id = sc.pupil_id
                 WHERE p.school_id = ? GROUP BY ms.type""", s -> s.setLong(1, schoolId));
    }

    /**
     * The pupils behind an absence figure of a school: with absence of the kind in [from, until), and (when
     * {@code classYear} is given) in that class year. Only for the privacy kernel to decide whom the viewer sees.
     */
    List<Long> absencePupils(long schoolId, LocalDate from, LocalDate until, String kind, Integer classYear) {
        return jdbc.prepareStatement("""
                SELECT DISTINCT r.pupil_id FROM absence_record r JOIN pupil p ON p.id = r.pupil_id
                 WHERE r.school_id = ? AND r.absence_date >= ? AND r.absence_date < ? AND r.kind = ?
                   AND (?::int IS NULL OR p.school_year = ?::int)
                 ORDER BY r.pupil_id LIMIT 1000""", s -> {
            s.setLong(1, schoolId);
            s.setDate(2, Date.valueOf(from));
            s.setDate(3, Date.valueOf(until));
            s.setString(4, kind);
            s.setObject(5, classYear);
            s.setObject(6, classYear);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    /**
     * Thuiszitters now: pupils on a thuiszitterstafel of the partnership, by the pupil's school (a) and how long
     * since the pupil was first put on it (b: a bucket key), on {@code today}.
     */
    List<Count> thuiszittersNow(long partnershipId, LocalDate today) {
        return counts("""
                SELECT p.school_id::text,
                       CASE WHEN t.since > ?::date - interval '3 months' THEN 'M0_3'
                            WHEN t.since > ?::date - interval '6 months' THEN 'M3_6'
                            WHEN t.since > ?::date - interval '12 months' THEN 'M6_12'
                            ELSE 'M12' END,
                       '', count(*)
                  FROM (SELECT sc.pupil_id, min(sc.added_at)::date AS since
                          FROM series_case sc JOIN meeting_series ms ON ms.id = sc.series_id
                         WHERE ms.type = 'THUISZITTERSTAFEL' AND ms.partnership_id = ?
                         GROUP BY sc.pupil_id) t
                  JOIN pupil p ON p.id = t.pupil_id
                 GROUP BY 1, 2""", s -> {
            Date day = Date.valueOf(today);
            s.setDate(1, day);
            s.setDate(2, day);
            s.setDate(3, day);
            s.setLong(4, partnershipId);
        });
    }

    /** Pupils first put on a thuiszitterstafel of the partnership, per month in [from, until). */
    List<Count> thuiszittersRegistered(long partnershipId, LocalDate from, LocalDate until) {
        return counts("""
                SELECT to_char(t.since, 'YYYY-MM'), '', '', count(*)
                  FROM (SELECT sc.pupil_id, min(sc.added_at) AS since
                          FROM series_case sc JOIN meeting_series ms ON ms.id = sc.series_id
                         WHERE ms.type = 'THUISZITTERSTAFEL' AND ms.partnership_id = ?
                         GROUP BY sc.pupil_id) t
                 WHERE t.since >= ? AND t.since < ? GROUP BY 1""", s -> {
            s.setLong(1, partnershipId);
            s.setDate(2, Date.valueOf(from));
            s.setDate(3, Date.valueOf(until));
        });
    }

    /** Closing decisions (standing) in [from, until) of pupils on a thuiszitterstafel of the partnership, per reason. */
    List<Count> thuiszitterOutcomes(long partnershipId, LocalDate from, LocalDate until) {
        return counts("""
                SELECT cd.reason, '', '', count(DISTINCT cd.pupil_id)
                  FROM closing_decision cd
                 WHERE cd.withdrawn_at IS NULL AND cd.decided_on >= ? AND cd.decided_on < ?
                   AND EXISTS (SELECT 1 FROM series_case sc JOIN meeting_series ms ON ms.id = sc.series_id
                                WHERE sc.pupil_id = cd.pupil_id AND ms.type = 'THUISZITTERSTAFEL' AND ms.partnership_id = ?)
                 GROUP BY cd.reason""", s -> {
            s.setDate(1, Date.valueOf(from));
            s.setDate(2, Date.valueOf(until));
            s.setLong(3, partnershipId);
        });
    }

    /**
     * Per kind of table in the partnership (its schools' verzuimoverleg and SOT, its thuiszitterstafel): pupils put
     * on the case list in [from, until) (a = type, b = 'REGISTERED'), pupils of those tables whose case was closed in
     * [from, until) (b = 'CLOSED'), and the median number of days from case list to closing (b = 'MEDIAN_DAYS').
     */
    List<Count> throughput(long partnershipId, LocalDate from, LocalDate until) {
        return counts("""
                WITH cases AS (
                    SELECT ms.type, sc.pupil_id, sc.added_at::date AS added_on
                      FROM series_case sc JOIN meeting_series ms ON ms.id = sc.series_id
                      LEFT JOIN school s ON s.id = ms.school_id
                     WHERE ms.partnership_id = ? OR s.partnership_party_id = ?),
                closed AS (
                    SELECT c.type, c.pupil_id, cd.decided_on - min(c.added_on) AS days
                      FROM cases c JOIN closing_decision cd ON cd.pupil_id = c.pupil_id AND cd.withdrawn_at IS NULL
                     WHERE cd.decided_on >= ? AND cd.decided_on < ?
                     GROUP BY c.type, c.pupil_id, cd.decided_on)
                SELECT type, 'REGISTERED', '', count(DISTINCT pupil_id) FROM cases WHERE added_on >= ? AND added_on < ? GROUP BY type
                UNION ALL
                SELECT type, 'CLOSED', '', count(*) FROM closed GROUP BY type
                UNION ALL
                SELECT type, 'MEDIAN_DAYS', '', round(percentile_cont(0.5) WITHIN GROUP (ORDER BY days))::bigint FROM closed GROUP BY type""", s -> {
            s.setLong(1, partnershipId);
            s.setLong(2, partnershipId);
            s.setDate(3, Date.valueOf(from));
            s.setDate(4, Date.valueOf(until));
            s.setDate(5, Date.valueOf(from));
            s.setDate(6, Date.valueOf(until));
        });
    }

    /** A school as the dashboards name it. */
    record SchoolRow(long id, String name, long municipalityId, String municipality) {
    }

    List<SchoolRow> schools(String where, Binder binder) {
        return jdbc.prepareStatement("""
                SELECT s.id, s.name, m.id, m.name FROM school s JOIN municipality m ON m.id = s.municipality_id
                 WHERE\s""" + where + " ORDER BY s.name", s -> {
            binder.bind(s);
            List<SchoolRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SchoolRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            }
            return rows;
        });
    }

    List<SchoolRow> schoolsOfPartnership(long partnershipId) {
        return schools("s.partnership_party_id = ?", s -> s.setLong(1, partnershipId));
    }

    List<SchoolRow> schoolsWithIds(java.util.Collection<Long> ids) {
        return schools("s.id = ANY (?)", s -> s.setArray(1, s.getConnection().createArrayOf("bigint", ids.toArray())));
    }

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<Count> counts(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, s -> {
            binder.bind(s);
            List<Count> counts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.add(new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                }
            }
            return counts;
        });
    }
}
