package nl.casustafel.retention;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.casustafel.account.AccountService;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.BsnCipher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pupils of their own for the retention tests, at Dijkstad College (02CD) and living in Dijkstad, with
 * a row in every table that holds a pupil's personal data: the tests destroy them, so they must not be
 * demo pupils that other tests rely on.
 */
@Singleton
class RetentionFixtures {

    static final String SCHOOL = "zorg.dijkstad";
    private static final AtomicInteger PUPILS = new AtomicInteger();

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final AccountService accounts;
    private final BsnCipher bsns;

    RetentionFixtures(JdbcOperations jdbc, TransactionOperations<Connection> tx, AccountService accounts, BsnCipher bsns) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.accounts = accounts;
        this.bsns = bsns;
    }

    Viewer viewer(String username) {
        return accounts.viewer(username).orElseThrow();
    }

    /** A new pupil of Dijkstad College with identity only. */
    long pupil() {
        int n = PUPILS.incrementAndGet();
        return tx.executeWrite(s -> {
            long id = longOf("""
                    INSERT INTO pupil (school_id, school_year, enrolled_on)
                    VALUES ((SELECT id FROM school WHERE brin = '02CD'), 2, DATE '2024-08-20') RETURNING id
                    """);
            exec("""
                    INSERT INTO pupil_identity (pupil_id, given_name, family_name, birth_date, bsn_cipher, bsn_index, street_address,
                                                postal_code, residence_municipality_id)
                    VALUES (?, 'Bewaar', 'Termijn', DATE '2012-03-04', ?, ?, 'Dijkweg 1', '9901 AA', (SELECT id FROM municipality WHERE code = 'GM9901'))
                    """, st -> {
                BsnCipher.Sealed bsn = bsns.seal(id, String.format("%09d", 990_000_000 + ProcessHandle.current().pid() % 1000 * 1000 + n));
                st.setLong(1, id);
                st.setBytes(2, bsn.cipher());
                st.setBytes(3, bsn.index());
            });
            return id;
        });
    }

    /**
     * A new pupil with a row in every personal-data table: on the verzuimoverleg's case list and on the
     * agenda (the current item) of one of its meetings, with a note and an action, a DUO report, a withdrawn
     * consent with its withdrawal notice, a parents' notification, absence figures and an absence record.
     */
    long pupilWithCaseFile() {
        long pupil = pupil();
        long user = viewer(SCHOOL).userId();
        tx.executeWrite(s -> {
            long series = longOf("SELECT id FROM meeting_series WHERE name = 'Verzuimoverleg Dijkstad College'");
            long cjg = longOf("SELECT id FROM party WHERE name = 'CJG Dijkstreek (JGZ)'");
            long school = longOf("SELECT school_id FROM pupil WHERE id = " + pupil);
            exec("""
                    INSERT INTO series_case (series_id, pupil_id, alias_number, added_by)
                    VALUES (?, ?, (SELECT coalesce(max(alias_number), 0) + 1 FROM series_case WHERE series_id = ?), ?)
                    """, st -> {
                st.setLong(1, series);
                st.setLong(2, pupil);
                st.setLong(3, series);
                st.setLong(4, user);
            });
            long meeting = longOf("INSERT INTO meeting (series_id, starts_at) VALUES (" + series + ", now() + interval '9 days') RETURNING id");
            long item = longOf("INSERT INTO agenda_item (meeting_id, pupil_id, position, registered_by) VALUES ("
                    + meeting + ", " + pupil + ", 1, " + user + ") RETURNING id");
            exec("UPDATE meeting SET current_item_id = " + item + " WHERE id = " + meeting, st -> { });
            exec("INSERT INTO agenda_note (item_id, author_id, author_party_id, written_under, text) VALUES ("
                    + item + ", " + user + ", (SELECT party_id FROM user_account WHERE id = " + user + "), 'IDENTIFIED', 'Komt vaak te laat.')", st -> { });
            exec("INSERT INTO meeting_action (series_id, meeting_id, item_id, pupil_id, what, owner_id, due_on, created_by) VALUES ("
                    + series + ", " + meeting + ", " + item + ", " + pupil + ", 'Gesprek met ouders', " + user + ", DATE '2026-12-01', " + user + ")", st -> { });
            exec("INSERT INTO meeting_action (series_id, meeting_id, pupil_id, what, owner_id, due_on, created_by) VALUES ("
                    + series + ", " + meeting + ", " + pupil + ", 'Huisbezoek', " + user + ", DATE '2026-12-02', " + user + ")", st -> { });
            exec("INSERT INTO duo_report (pupil_id, school_id, kind, reported_on, duo_reference, recorded_by) VALUES ("
                    + pupil + ", " + school + ", 'RELATIVE_16H', DATE '2025-10-01', 'DUO-RET-" + pupil + "', " + user + ")", st -> { });
            long consent = longOf("""
                    INSERT INTO consent (pupil_id, party_id, purpose, categories, given_by_pupil, given_by_parent, parent_name, method,
                                         given_on, recorded_by, withdrawn_on, withdrawn_by)
                    VALUES (%d, %d, 'VERZUIMOVERLEG', ARRAY['IDENTITY'], true, true, 'J. Ouder', 'WRITTEN', DATE '2025-09-01', %d,
                            DATE '2025-11-01', %d) RETURNING id
                    """.formatted(pupil, cjg, user, user));
            exec("INSERT INTO withdrawal_notice (consent_id, party_id) VALUES (" + consent + ", " + cjg + ")", st -> { });
            long notification = longOf("INSERT INTO parent_notification (pupil_id, notifying_party_id, purpose, notified_on, recorded_by) VALUES ("
                    + pupil + ", (SELECT party_id FROM user_account WHERE id = " + user + "), 'THUISZITTERSTAFEL', DATE '2025-09-02', " + user + ") RETURNING id");
            exec("INSERT INTO parent_notification_party (notification_id, party_id) VALUES (" + notification + ", " + cjg + ")", st -> { });
            exec("INSERT INTO absence_figure (pupil_id, unauthorised_hours_4_weeks, sick_reports_12_weeks, late_arrivals, updated_by) VALUES ("
                    + pupil + ", 12.0, 2, 3, " + user + ")", st -> { });
            exec("INSERT INTO absence_record (school_id, source_id, pupil_id, absence_date, part_of_day, kind, hours, hour_unit) VALUES ("
                    + school + ", 'RET-" + pupil + "', " + pupil + ", DATE '2025-10-06', 'DAY', 'UNAUTHORISED', 6, 'LESSON_HOUR')", st -> { });
            return null;
        });
        return pupil;
    }

    /** Per personal-data table, how many rows refer to the pupil (directly or through a parent row). */
    Map<String, Long> footprint(long pupil) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("pupil", "SELECT count(*) FROM pupil WHERE id = ?");
        queries.put("pupil_identity", "SELECT count(*) FROM pupil_identity WHERE pupil_id = ?");
        queries.put("duo_report", "SELECT count(*) FROM duo_report WHERE pupil_id = ?");
        queries.put("consent", "SELECT count(*) FROM consent WHERE pupil_id = ?");
        queries.put("withdrawal_notice", "SELECT count(*) FROM withdrawal_notice w JOIN consent c ON c.id = w.consent_id WHERE c.pupil_id = ?");
        queries.put("parent_notification", "SELECT count(*) FROM parent_notification WHERE pupil_id = ?");
        queries.put("parent_notification_party", """
                SELECT count(*) FROM parent_notification_party np JOIN parent_notification n ON n.id = np.notification_id WHERE n.pupil_id = ?""");
        queries.put("series_case", "SELECT count(*) FROM series_case WHERE pupil_id = ?");
        queries.put("agenda_item", "SELECT count(*) FROM agenda_item WHERE pupil_id = ?");
        queries.put("agenda_note", "SELECT count(*) FROM agenda_note n JOIN agenda_item i ON i.id = n.item_id WHERE i.pupil_id = ?");
        queries.put("meeting_action", "SELECT count(*) FROM meeting_action WHERE pupil_id = ?");
        queries.put("absence_figure", "SELECT count(*) FROM absence_figure WHERE pupil_id = ?");
        queries.put("absence_record", "SELECT count(*) FROM absence_record WHERE pupil_id = ?");
        queries.put("closing_decision", "SELECT count(*) FROM closing_decision WHERE pupil_id = ?");
        Map<String, Long> counts = new LinkedHashMap<>();
        tx.executeRead(s -> {
            queries.forEach((table, sql) -> counts.put(table, jdbc.prepareStatement(sql, st -> {
                st.setLong(1, pupil);
                return single(st);
            })));
            return null;
        });
        return counts;
    }

    long count(String sql, Object... params) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, st -> {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            return single(st);
        }));
    }

    private long longOf(String sql) {
        return jdbc.prepareStatement(sql, RetentionFixtures::single);
    }

    private void exec(String sql, SqlSetter setter) {
        jdbc.prepareStatement(sql, st -> {
            setter.set(st);
            return st.executeUpdate();
        });
    }

    private static long single(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    interface SqlSetter {
        void set(PreparedStatement st) throws SQLException;
    }
}
