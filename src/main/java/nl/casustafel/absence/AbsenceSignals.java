package nl.casustafel.absence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.AbsenceThresholds;
import nl.casustafel.school.Sector;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the signals of every pupil of some schools from the stored absence records: one query
 * aggregates the records per pupil and school day, the rules run in memory. Results are kept per pupil and
 * recomputed only for pupils whose data changed (issue 14): a school's list after an import costs the imported
 * pupils, not the whole school year again. No pupil data is read
 * beyond ids and enrolment; showing the pupils is up to the caller, through the privacy kernel.
 */
@Singleton
public class AbsenceSignals {

    /** Pupils whose signals are kept between requests (a region of 100,000; well under 1 kB each). */
    static final int KEPT_PUPILS = 100_000;

    private final JdbcOperations jdbc;
    private final SignalRules rules;
    private final Clock clock;
    /**
     * Signals as computed per pupil, day and set of schools whose records counted, with the pupil's
     * {@code signal_version} they were computed at (V38: moved by every change of the pupil's records, DUO reports and
     * enrolment, in the changing transaction). Only pupils whose version moved are computed again: after an import,
     * the imported pupils; on a new day, everyone once.
     */
    private final Cache<Key, Computed> computedSignals = Caffeine.newBuilder().maximumSize(KEPT_PUPILS)
            .expireAfterAccess(Duration.ofDays(1)).build();

    private final java.util.concurrent.atomic.AtomicLong computations = new java.util.concurrent.atomic.AtomicLong();

    /** How many pupils' signals were computed (not kept) since the start: what a test of the keeping counts. */
    long computations() {
        return computations.get();
    }

    private record Key(long pupilId, LocalDate on, List<Long> schoolIds) {
    }

    /** A pupil's signals and what they were computed from besides the records: its version and its school's sector. */
    private record Computed(long version, String brin, Sector sector, PupilSignals signals) {

        boolean from(Builder pupil) {
            return version == pupil.version && brin.equals(pupil.brin) && sector == pupil.sector;
        }
    }

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

    /** Every school of the region (what {@link SignalWarmUp} computes ahead). */
    @Transactional(readOnly = true)
    public List<Long> schoolIds() {
        return jdbc.prepareStatement("SELECT id FROM school ORDER BY id", statement -> {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
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
        Long[] ids = schoolIds.stream().sorted().distinct().toArray(Long[]::new);
        List<Long> schools = List.of(ids);
        Map<Long, Builder> pupils = new LinkedHashMap<>();
        jdbc.prepareStatement("""
                SELECT p.id, s.brin, s.sector, p.enrolled_on, p.enrolled_until, d.relative_report, d.late_report, d.absolute_report,
                       p.signal_version
                  FROM pupil p JOIN school s ON s.id = p.school_id
                  LEFT JOIN (SELECT pupil_id,
                                    max(reported_on) FILTER (WHERE kind = 'RELATIVE_16H') AS relative_report,
                                    max(reported_on) FILTER (WHERE kind = 'OTHER_RELATIVE') AS late_report,
                                    max(reported_on) FILTER (WHERE kind = 'ABSOLUTE') AS absolute_report
                               FROM duo_report WHERE pupil_id IN (SELECT id FROM pupil WHERE school_id = ANY (?))
                              GROUP BY pupil_id) d ON d.pupil_id = p.id
                 WHERE p.school_id = ANY (?) AND (?::bigint IS NULL OR p.id = ?) ORDER BY p.id
                """, statement -> {
            // one pass over the DUO reports of the schools' pupils, by any school (a sub-select per pupil scanned them
            // all: duo_report's only pupil index is partial, for open reports)
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids));
            statement.setArray(2, statement.getConnection().createArrayOf("bigint", ids));
            statement.setObject(3, pupilId, java.sql.Types.BIGINT);
            statement.setObject(4, pupilId, java.sql.Types.BIGINT);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    pupils.put(rs.getLong("id"), new Builder(rs.getLong("id"), rs.getString("brin"), Sector.valueOf(rs.getString("sector")),
                            rs.getDate("enrolled_on").toLocalDate(), date(rs.getDate("enrolled_until")), date(rs.getDate("relative_report")),
                            date(rs.getDate("late_report")), date(rs.getDate("absolute_report")), rs.getLong("signal_version")));
                }
            }
            return null;
        });
        // pupils whose data did not change since their signals were computed for this day keep them
        Map<Long, PupilSignals> kept = new LinkedHashMap<>();
        List<Long> stale = new ArrayList<>();
        for (Builder b : pupils.values()) {
            Computed computed = computedSignals.getIfPresent(new Key(b.id, on, schools));
            if (computed != null && computed.from(b)) {
                kept.put(b.id, computed.signals());
            } else {
                stale.add(b.id);
            }
        }
        if (!stale.isEmpty()) {
            readDays(ids, on, pupilId != null || stale.size() == pupils.size() ? null : stale, pupilId, pupils);
        }
        List<PupilSignals> result = new ArrayList<>(pupils.size());
        for (Builder b : pupils.values()) {
            PupilSignals signals = kept.get(b.id);
            if (signals == null) {
                signals = rules.evaluate(b.build(), on);
                computations.incrementAndGet();
                computedSignals.put(new Key(b.id, on, schools), new Computed(b.version, b.brin, b.sector, signals));
            }
            result.add(signals);
        }
        return result;
    }

    /**
     * The school days with absence of the schools' pupils in the year before {@code on}: of {@code only} these pupils,
     * or all of them when null.
     */
    private void readDays(Long[] schoolIds, LocalDate on, List<Long> only, Long pupilId, Map<Long, Builder> pupils) {
        jdbc.prepareStatement("""
                SELECT pupil_id, absence_date - DATE '1970-01-01' AS epoch_day,
                       (coalesce(sum(hours) FILTER (WHERE kind = 'UNAUTHORISED'), 0) * 100)::int AS unauthorised,
                       bool_or(kind = 'SICK') AS sick,
                       count(*) FILTER (WHERE kind = 'LATE') AS lates
                  FROM absence_record
                 WHERE school_id = ANY (?) AND absence_date BETWEEN ? AND ? AND kind IN ('UNAUTHORISED', 'SICK', 'LATE')
                   AND (?::bigint IS NULL OR pupil_id = ?)
                   AND (?::bigint[] IS NULL OR pupil_id = ANY (?))
                 GROUP BY pupil_id, absence_date
                 ORDER BY pupil_id, absence_date
                """, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", schoolIds));
            statement.setDate(2, Date.valueOf(on.minusYears(1)));
            statement.setDate(3, Date.valueOf(on));
            statement.setObject(4, pupilId, java.sql.Types.BIGINT);
            statement.setObject(5, pupilId, java.sql.Types.BIGINT);
            java.sql.Array onlyThese = only == null ? null : statement.getConnection().createArrayOf("bigint", only.toArray());
            statement.setArray(6, onlyThese);
            statement.setArray(7, onlyThese);
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
        private final long version;
        private final List<PupilAbsence.Day> days = new ArrayList<>();

        Builder(long id, String brin, Sector sector, LocalDate enrolledOn, LocalDate enrolledUntil, LocalDate relative, LocalDate late,
                LocalDate absolute, long version) {
            this.version = version;
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
