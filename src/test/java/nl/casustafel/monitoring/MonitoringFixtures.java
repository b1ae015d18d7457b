package nl.casustafel.monitoring;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.casustafel.absence.AbsenceImported;
import nl.casustafel.absence.TestSql;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.covenant.Role;
import nl.casustafel.privacy.PupilIdentities;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small region of its own with known counts, apart from the demo region: a samenwerkingsverband "SWV Telmeer" with
 * three schools in two new municipalities, pupils, absence, DUO reports and a thuiszitterstafel. Counts (school year
 * 2025/2026):
 * <ul>
 * <li>school A (Telmeer) has pupils a1..a9; a1..a6 in class year 2 living in Telmeer, a7..a9 in class year 3 living in
 * Proefdam. September 2025: a1..a7 unauthorised, a1..a2 sick, a1..a6 late; October 2025: a1..a5 unauthorised.
 * DUO reports 2025: a1..a5 RELATIVE_16H, a6 LUXURY.</li>
 * <li>school C (Proefdam) has pupils c1..c7 living in Telmeer.</li>
 * <li>thuiszitterstafel since 1 October 2025: 2 pupils of school A, 10 of school B (Telmeer), 6 of school C;
 * one of school C with a closing decision (attended one year) on 1 March 2026.</li>
 * </ul>
 */
@Singleton
class MonitoringFixtures {

    private final TestSql sql;
    private final PupilIdentities identities;
    private final AccountService accounts;
    private final ApplicationEventPublisher<AbsenceImported> imported;
    private final TransactionOperations<Connection> tx;

    long telmeer;
    long proefdam;
    long partnership;
    long schoolA;
    long schoolB;
    long schoolC;
    long series;
    final List<Long> pupilsA = new ArrayList<>();
    final List<Long> pupilsB = new ArrayList<>();
    final List<Long> pupilsC = new ArrayList<>();
    private boolean created;

    MonitoringFixtures(TestSql sql, PupilIdentities identities, AccountService accounts,
                       ApplicationEventPublisher<AbsenceImported> imported, TransactionOperations<Connection> tx) {
        this.sql = sql;
        this.identities = identities;
        this.accounts = accounts;
        this.imported = imported;
        this.tx = tx;
    }

    synchronized void create() {
        if (created) {
            return;
        }
        created = true;
        Viewer zorg = accounts.viewer("zorg.dijkstad").orElseThrow();
        long covenant = id("SELECT covenant_id FROM party WHERE id = " + zorg.partyId());
        telmeer = id("INSERT INTO municipality (code, name) VALUES ('GM9871', 'Telmeer') RETURNING id");
        proefdam = id("INSERT INTO municipality (code, name) VALUES ('GM9872', 'Proefdam') RETURNING id");
        partnership = id("INSERT INTO party (covenant_id, type, name, joined_on) VALUES (" + covenant
                + ", 'PARTNERSHIP', 'SWV Telmeer', DATE '2024-09-01') RETURNING id");
        schoolA = school("97MA", "Telmeer Lyceum", zorg.partyId(), telmeer);
        schoolB = school("97MB", "Telmeer College", zorg.partyId(), telmeer);
        schoolC = school("97MC", "Proefdam Mavo", zorg.partyId(), proefdam);
        for (int i = 1; i <= 9; i++) {
            pupilsA.add(pupil(schoolA, i <= 6 ? 2 : 3, i <= 6 ? telmeer : proefdam, "A" + i));
        }
        for (int i = 1; i <= 10; i++) {
            pupilsB.add(pupil(schoolB, 1, telmeer, "B" + i));
        }
        for (int i = 1; i <= 7; i++) {
            pupilsC.add(pupil(schoolC, 4, telmeer, "C" + i));
        }
        for (int i = 0; i < 7; i++) {
            absence(schoolA, pupilsA.get(i), "2025-09-10", "UNAUTHORISED", "u" + i);
        }
        for (int i = 0; i < 2; i++) {
            absence(schoolA, pupilsA.get(i), "2025-09-11", "SICK", "s" + i);
        }
        for (int i = 0; i < 6; i++) {
            absence(schoolA, pupilsA.get(i), "2025-09-12", "LATE", "l" + i);
            absence(schoolA, pupilsA.get(i), "2025-09-15", "LATE", "m" + i);
        }
        for (int i = 0; i < 5; i++) {
            absence(schoolA, pupilsA.get(i), "2025-10-01", "UNAUTHORISED", "o" + i);
        }
        tx.executeWrite(status -> {
            imported.publishEvent(new AbsenceImported(Set.of(schoolA), LocalDate.of(2025, 9, 10), LocalDate.of(2025, 10, 1)));
            return null;
        });
        for (int i = 0; i < 6; i++) {
            sql.update("INSERT INTO duo_report (pupil_id, school_id, kind, reported_on, duo_reference, recorded_by) VALUES ("
                    + pupilsA.get(i) + ", " + schoolA + ", '" + (i < 5 ? "RELATIVE_16H" : "LUXURY") + "', DATE '2025-11-03', 'T-" + i
                    + "', " + zorg.userId() + ")");
        }
        series = id("INSERT INTO meeting_series (type, name, partnership_id) VALUES ('THUISZITTERSTAFEL', 'Thuiszitterstafel Telmeer', "
                + partnership + ") RETURNING id");
        int alias = 1;
        List<Long> onTable = new ArrayList<>(pupilsA.subList(0, 2));
        onTable.addAll(pupilsB);
        onTable.addAll(pupilsC.subList(0, 6));
        for (long pupil : onTable) {
            sql.update("INSERT INTO series_case (series_id, pupil_id, alias_number, added_by, added_at) VALUES (" + series + ", " + pupil
                    + ", " + alias++ + ", " + zorg.userId() + ", TIMESTAMPTZ '2025-10-01 10:00+02')");
        }
        sql.update("INSERT INTO closing_decision (pupil_id, reason, decided_on, destroy_on, decided_by, decided_by_party) VALUES ("
                + pupilsC.getFirst() + ", 'ATTENDED_ONE_YEAR', DATE '2026-03-01', DATE '2099-03-01', " + zorg.userId() + ", " + zorg.partyId() + ")");
    }

    /** Removes all of it (the access log keeps its rows: it is append-only and names pupil numbers only). */
    synchronized void remove() {
        if (!created) {
            return;
        }
        created = false;
        String schools = schoolA + ", " + schoolB + ", " + schoolC;
        String pupils = "SELECT id FROM pupil WHERE school_id IN (" + schools + ")";
        sql.update("DELETE FROM closing_decision WHERE pupil_id IN (" + pupils + ")");
        sql.update("DELETE FROM series_case WHERE pupil_id IN (" + pupils + ")");
        sql.update("DELETE FROM meeting_series WHERE partnership_id = " + partnership);
        sql.update("DELETE FROM duo_report WHERE school_id IN (" + schools + ")");
        sql.update("DELETE FROM absence_record WHERE school_id IN (" + schools + ")");
        sql.update("DELETE FROM monitoring_absence_month WHERE school_id IN (" + schools + ")");
        sql.update("DELETE FROM monitoring_absence_year WHERE school_id IN (" + schools + ")");
        sql.update("DELETE FROM pupil_identity WHERE pupil_id IN (" + pupils + ")");
        sql.update("DELETE FROM pupil WHERE school_id IN (" + schools + ")");
        sql.update("DELETE FROM school WHERE id IN (" + schools + ")");
        sql.update("DELETE FROM party WHERE id = " + partnership);
        sql.update("DELETE FROM municipality WHERE id IN (" + telmeer + ", " + proefdam + ")");
        pupilsA.clear();
        pupilsB.clear();
        pupilsC.clear();
    }

    /** The care coordinator of school A (and of nothing else), as the demo's zorg.dijkstad account. */
    Viewer careCoordinatorOfA() {
        Viewer zorg = accounts.viewer("zorg.dijkstad").orElseThrow();
        return new Viewer(zorg.userId(), zorg.username(), zorg.displayName(), Role.CARE_COORDINATOR, zorg.partyId(), zorg.partyName(),
                PartyType.SCHOOL_BOARD, Set.of(schoolA), Set.of());
    }

    /** The coordinator of SWV Telmeer, as the demo's swv.coordinator account. */
    Viewer partnershipCoordinator() {
        Viewer swv = accounts.viewer("swv.coordinator").orElseThrow();
        return new Viewer(swv.userId(), swv.username(), swv.displayName(), Role.PARTNERSHIP_COORDINATOR, partnership, "SWV Telmeer",
                PartyType.PARTNERSHIP, Set.of(), Set.of());
    }

    /** An attendance officer sworn for Telmeer, as the demo's leerplicht.dijkstad account. */
    Viewer attendanceOfficerOfTelmeer() {
        Viewer lp = accounts.viewer("leerplicht.dijkstad").orElseThrow();
        return new Viewer(lp.userId(), lp.username(), lp.displayName(), Role.ATTENDANCE_OFFICER, lp.partyId(), lp.partyName(),
                PartyType.MUNICIPALITY, Set.of(), Set.of(telmeer));
    }

    private long school(String brin, String name, long board, long municipality) {
        return id("INSERT INTO school (brin, name, sector, board_party_id, partnership_party_id, municipality_id) VALUES ('" + brin + "', '"
                + name + "', 'VO', " + board + ", " + partnership + ", " + municipality + ") RETURNING id");
    }

    private long pupil(long school, int classYear, long residence, String tag) {
        long id = id("INSERT INTO pupil (school_id, school_year, enrolled_on) VALUES (" + school + ", " + classYear
                + ", DATE '2024-08-01') RETURNING id");
        String bsn = String.format("9871%05d", id % 100_000);
        tx.executeWrite(status -> {
            identities.record(id, "Telma", "Test" + tag, LocalDate.of(2012, 1, 1), bsn, "Teststraat 1", "9999 TT", residence);
            return null;
        });
        return id;
    }

    private void absence(long school, long pupil, String date, String kind, String source) {
        sql.update("INSERT INTO absence_record (school_id, source_id, pupil_id, absence_date, part_of_day, kind, hours, hour_unit) VALUES ("
                + school + ", 'mon-" + pupil + "-" + source + "', " + pupil + ", DATE '" + date + "', 'MORNING', '" + kind
                + "', 2, 'LESSON_HOUR')");
    }

    private long id(String statement) {
        return sql.query(statement, s -> {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
