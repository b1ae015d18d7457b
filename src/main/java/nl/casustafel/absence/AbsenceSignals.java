package nl.casustafel.absence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.AbsenceThresholds;
import nl.casustafel.school.Sector;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the signals of every pupil of some schools from the stored absence records: one query
 * aggregates the records per pupil and school day, the rules run in memory. No pupil data is read
 * beyond ids and enrolment; showing the pupils is up to the caller, through the privacy kernel.
 */
@Singleton
public class AbsenceSignals {

    private final JdbcOperations jdbc;
    private final SignalRules rules;
    private final Clock clock;

    public AbsenceSignals(JdbcOperations jdbc, AbsenceThresholds thresholds, Clock clock) {
        this.jdbc = jdbc;
        this.rules = new SignalRules(thresholds);
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The signals of every pupil of the schools, today. */
    @Transactional(readOnly = true)
    public List<PupilSignals> forSchools(Collection<Long> schoolIds) {
        return forSchools(schoolIds, today());
    }

    /** The signals of every pupil of the schools on a day (records of the year before it count). */
    @Transactional(readOnly = true)
    public List<PupilSignals> forSchools(Collection<Long> schoolIds, LocalDate on) {
        return evaluate(schoolIds, on, null);
    }

    /** The signals of one pupil of a school today; empty when the pupil is not at that school. */
    @Transactional(readOnly = true)
    public java.util.Optional<PupilSignals> forPupil(long schoolId, long pupilId) {
        return evaluate(List.of(schoolId), today(), pupilId).stream().findFirst();
    }

    private List<PupilSignals> evaluate(Collection<Long> schoolIds, LocalDate on, Long pupilId) {
        if (schoolIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = schoolIds.toArray(Long[]::new);
        Map<Long, Builder> pupils = new LinkedHashMap<>();
        jdbc.prepareStatement("""
                SELECT p.id, s.brin, s.sector, p.enrolled_on, p.enrolled_until, d.relative_report, d.late_report, d.absolute_report
                  FROM pupil p JOIN school s ON s.id = p.school_id
                  LEFT JOIN (SELECT pupil_id,
                                    max(reported_on) FILTER (WHERE kind = 'RELATIVE_16H') AS relative_report,
                                    max(reported_on) FILTER (WHERE kind = 'OTHER_RELATIVE') AS late_report,
                                    max(reported_on) FILTER (WHERE kind = 'ABSOLUTE') AS absolute_report
                               FROM duo_report WHERE pupil_id IN (SELECT id FROM pupil WHERE school_id = ANY (?))
                              GROUP BY pupil_id) d ON d.pupil_id = p.id
                 WHERE p.school_id = ANY (?) AND (?::bigint IS NULL OR p.id = ?) ORDER BY p.id
                """, statement -> {
            // one pass over the DUO reports of the schools' pupils, by any school (a sub-select per pupil scanned them all: duo_report's only pupil
            // index is partial, for open reports)
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids));
            statement.setArray(2, statement.getConnection().createArrayOf("bigint", ids));
            statement.setObject(3, pupilId, java.sql.Types.BIGINT);
            statement.setObject(4, pupilId, java.sql.Types.BIGINT);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    pupils.put(rs.getLong("id"), new Builder(rs.getLong("id"), rs.getString("brin"), Sector.valueOf(rs.getString("sector")),
                            rs.getDate("enrolled_on").toLocalDate(), date(rs.getDate("enrolled_until")), date(rs.getDate("relative_report")),
                            date(rs.getDate("late_report")), date(rs.getDate("absolute_report"))));
                }
            }
            return null;
        });
        jdbc.prepareStatement("""
                SELECT pupil_id, absence_date - DATE '1970-01-01' AS epoch_day,
                       (coalesce(sum(hours) FILTER (WHERE kind = 'UNAUTHORISED'), 0) * 100)::int AS unauthorised,
                       bool_or(kind = 'SICK') AS sick,
                       count(*) FILTER (WHERE kind = 'LATE') AS lates
                  FROM absence_record
                 WHERE school_id = ANY (?) AND absence_date BETWEEN ? AND ? AND kind IN ('UNAUTHORISED', 'SICK', 'LATE')
                   AND (?::bigint IS NULL OR pupil_id = ?)
                 GROUP BY pupil_id, absence_date
                 ORDER BY pupil_id, absence_date
                """, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids));
            statement.setDate(2, Date.valueOf(on.minusYears(1)));
            statement.setDate(3, Date.valueOf(on));
            statement.setObject(4, pupilId, java.sql.Types.BIGINT);
            statement.setObject(5, pupilId, java.sql.Types.BIGINT);
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Builder pupil = pupils.get(rs.getLong(1));
                    if (pupil != null) {
                        pupil.days.add(new PupilAbsence.Day(LocalDate.ofEpochDay(rs.getInt(2)), rs.getInt(3),
                                rs.getBoolean(4), rs.getInt(5)));
                    }
                }
            }
            return null;
        });
        List<PupilSignals> result = new ArrayList<>(pupils.size());
        for (Builder b : pupils.values()) {
            result.add(rules.evaluate(b.build(), on));
        }
        return result;
    }

    /** Pupils of a school with absence below every threshold: the verzuimoverleg's candidates. */
    @Transactional(readOnly = true)
    public List<PupilSignals> belowThreshold(long schoolId) {
        return forSchools(List.of(schoolId)).stream().filter(PupilSignals::belowThreshold).toList();
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static final class Builder {
        private final long id;
        private final String brin;
        private final Sector sector;
        private final LocalDate enrolledOn;
        private final LocalDate enrolledUntil;
        private final LocalDate relative;
        private final LocalDate late;
        private final LocalDate absolute;
        private final List<PupilAbsence.Day> days = new ArrayList<>();

        Builder(long id, String brin, Sector sector, LocalDate enrolledOn, LocalDate enrolledUntil, LocalDate relative, LocalDate late,
                LocalDate absolute) {
            this.id = id;
            this.brin = brin;
            this.sector = sector;
            this.enrolledOn = enrolledOn;
            this.enrolledUntil = enrolledUntil;
            this.relative = relative;
            this.late = late;
            this.absolute = absolute;
        }

        PupilAbsence build() {
            return new PupilAbsence(id, brin, sector, enrolledOn, enrolledUntil, days, relative, late, absolute);
        }
    }
}
