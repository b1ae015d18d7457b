package nl.casustafel.meeting;

import nl.casustafel.privacy.PupilIdentities;
import nl.casustafel.privacy.PupilIdentityRepository;
import nl.casustafel.privacy.PupilIdentity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.privacy.TestBsns;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Tables, meetings and pupils of their own for the meeting tests, so that they neither depend on nor
 * disturb what other test classes do with the demo region in the same database.
 */
@Singleton
class MeetingFixtures {

    static final String VERZUIMOVERLEG = "Verzuimoverleg Dijkstad College";
    static final String SOT = "SOT Veenhoven Lyceum";
    static final String THUISZITTERSTAFEL = "Thuiszitterstafel Dijkstreek";
    static final String DIJKSTAD_COLLEGE = "02CD", VEENHOVEN_LYCEUM = "03EF";
    static final String DIJKSTAD = "GM9901", VEENHOVEN = "GM9902";

    /** Pupils handed out in this JVM; each test gets pupils nobody else touched. */
    private static final Set<Long> CLAIMED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final MeetingSeriesRepository series;
    private final MeetingTables tables;
    private final MeetingPlanning planning;
    private final AccountService accounts;
    private final PupilIdentityRepository identities;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final TestBsns bsns;
    private final PupilIdentities pupilIdentities;

    MeetingFixtures(MeetingSeriesRepository series, MeetingTables tables, MeetingPlanning planning, AccountService accounts,
                    PupilIdentityRepository identities, JdbcOperations jdbc, TransactionOperations<Connection> tx, TestBsns bsns,
                    PupilIdentities pupilIdentities) {
        this.series = series;
        this.tables = tables;
        this.planning = planning;
        this.accounts = accounts;
        this.identities = identities;
        this.jdbc = jdbc;
        this.tx = tx;
        this.bsns = bsns;
        this.pupilIdentities = pupilIdentities;
    }

    Viewer viewer(String username) {
        return accounts.viewer(username).orElseThrow();
    }

    MeetingSeries demoTable(String name) {
        return series.findByName(name).orElseThrow();
    }

    /** A new table like the demo one of that name: same type, school or partnership, chair, cadence and participants. */
    MeetingSeries tableLike(String demoName) {
        MeetingSeries demo = demoTable(demoName);
        MeetingSeries copy = series.save(new MeetingSeries(null, demo.type(), demo.name() + " (test " + TABLES.incrementAndGet() + ")",
                demo.schoolId(), demo.partnershipId(), demo.chairId(), demo.everyWeeks(), demo.location()));
        tx.executeRead(st -> tables.participants(demo.id())).forEach(user -> series.addParticipant(copy.id(), user));
        return copy;
    }

    void addParticipant(MeetingSeries table, String username) {
        series.addParticipant(table.id(), viewer(username).userId());
    }

    Viewer chairOf(MeetingSeries table) {
        return accounts.viewer(tx.executeRead(s -> jdbc.prepareStatement("SELECT username FROM user_account WHERE id = ?", st -> {
            st.setLong(1, table.chairId());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }))).orElseThrow();
    }

    /** A meeting of the table next week, planned by its chair. */
    Meeting planNextWeek(MeetingSeries table) {
        return planning.plan(chairOf(table), table.id(),
                LocalDate.now(ClockFactory.AMSTERDAM).plusDays(7).atTime(9, TABLES.get() % 50).atZone(ClockFactory.AMSTERDAM).toInstant(),
                null);
    }

    /**
     * A pupil of the school living in the municipality, enrolled, on no table, without DUO report,
     * consent, notification or absence figures, and not handed out before.
     */
    /**
     * Demo pupils that tests name by BSN and need as the demo left them (LiveMeetingBrowserTest: "no DUO
     * report"): never handed out as fresh, so that no other test records facts about them.
     */
    private static final java.util.Set<String> RESERVED_BSNS = java.util.Set.of("350627526", "547080104");

    long freshPupil(String brin, String municipalityCode) {
        return freshPupil(brin, municipalityCode, id -> true);
    }

    /**
     * Whether a pupil's family name also stands in a user's name ("Jansen" and the officer Peter Jansen): tests
     * assert that a name is not on a page or in an answer that shows users, so such a pupil could pass for a leak.
     */
    private boolean sharesANameWithAUser(PupilIdentity pupil) {
        return tx.executeRead(s -> jdbc.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM user_account WHERE strpos(lower(display_name), lower(?)) > 0)", st -> {
                    st.setString(1, pupil.familyName());
                    try (ResultSet rs = st.executeQuery()) {
                        rs.next();
                        return rs.getBoolean(1);
                    }
                }));
    }

    synchronized long freshPupil(String brin, String municipalityCode, Predicate<PupilIdentity> fits) {
        List<Long> candidates = tx.executeRead(s -> jdbc.prepareStatement("""
                SELECT p.id FROM pupil p
                  JOIN pupil_identity i ON i.pupil_id = p.id
                  JOIN school s ON s.id = p.school_id
                  JOIN municipality m ON m.id = i.residence_municipality_id
                 WHERE s.brin = ? AND m.code = ? AND p.enrolled_until IS NULL
                   AND NOT EXISTS (SELECT 1 FROM series_case x WHERE x.pupil_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM duo_report x WHERE x.pupil_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM consent x WHERE x.pupil_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM parent_notification x WHERE x.pupil_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM absence_figure x WHERE x.pupil_id = p.id)
                 ORDER BY p.id
                """, st -> {
            st.setString(1, brin);
            st.setString(2, municipalityCode);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }));
        for (long id : candidates) {
            if (!CLAIMED.contains(id) && !RESERVED_BSNS.contains(bsn(id)) && fits.test(identity(id)) && !sharesANameWithAUser(identity(id))
                    && CLAIMED.add(id)) {
                return id;
            }
        }
        // The demo's pool of untouched pupils runs out when the whole suite runs in one JVM: enrol a new one.
        for (int attempt = 0; attempt < 5; attempt++) {
            long id = newPupil(brin, municipalityCode);
            if (fits.test(identity(id)) && CLAIMED.add(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no fresh pupil fits at " + brin + " living in " + municipalityCode);
    }

    /** A newly enrolled pupil of the school living in the municipality, with an identity of its own and a unique BSN. */
    private long newPupil(String brin, String municipalityCode) {
        return tx.executeWrite(s -> {
            long pupil = jdbc.prepareStatement("""
                    INSERT INTO pupil (school_id, school_year, enrolled_on)
                    SELECT id, 2, DATE '2025-08-01' FROM school WHERE brin = ? RETURNING id
                    """, st -> {
                st.setString(1, brin);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no school " + brin);
                    }
                    return rs.getLong(1);
                }
            });
            long residence = jdbc.prepareStatement("SELECT id FROM municipality WHERE code = ?", st -> {
                st.setString(1, municipalityCode);
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no municipality " + municipalityCode);
                    }
                    return rs.getLong(1);
                }
            });
            String[] given = {"Noor", "Daan", "Sanne", "Milan", "Fleur", "Thijs", "Lotte", "Bram"};
            pupilIdentities.record(pupil, given[(int) (pupil % given.length)], "Nieuwland-" + pupil,
                    LocalDate.of(2012, 1 + (int) (pupil % 12), 1 + (int) (pupil % 28)),
                    String.format("00%07d", pupil % 10_000_000L), "Schoolstraat " + (pupil % 200 + 1), "9901 AB", residence);
            return pupil;
        });
    }

    /** The pupil a handle stands for, straight from the database (tests only: the API never tells). */
    long pupilOfHandle(String handle) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT pupil_id FROM series_case WHERE handle = ?", st -> {
            st.setString(1, handle);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no such handle " + handle);
                }
                return rs.getLong(1);
            }
        }));
    }

    /** The handle of a pupil at a table, straight from the database. */
    String handle(long seriesId, long pupilId) {
        return tx.executeRead(s -> jdbc.prepareStatement("SELECT handle FROM series_case WHERE series_id = ? AND pupil_id = ?", st -> {
            st.setLong(1, seriesId);
            st.setLong(2, pupilId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("pupil " + pupilId + " is not on table " + seriesId);
                }
                return rs.getString(1);
            }
        }));
    }

    PupilIdentity identity(long pupilId) {
        return identities.findById(pupilId).orElseThrow();
    }

    /** The pupil's BSN in plain text, to assert that it is not shown. */
    String bsn(long pupilId) {
        return bsns.of(pupilId);
    }
}
