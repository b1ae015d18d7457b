package nl.casustafel.rights;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.casustafel.privacy.BsnCipher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tables and pupils of their own for the rights tests: a copy of the demo verzuimoverleg of Dijkstad
 * College (chair zorg.dijkstad; leerplicht.dijkstad, leerplicht.veenhoven and jgz.verpleegkundige at the
 * table) and new pupils of that school living in Dijkstad, so that other test classes are not disturbed.
 */
@Singleton
class RightsFixtures {

    static final String GIVEN_NAME = "Inzage";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** What this JVM made, so that {@link #cleanUp()} can take it away again (other test classes count the demo pupils). */
    private static final Set<Long> PUPILS = ConcurrentHashMap.newKeySet();
    private static final Set<Long> TABLES = ConcurrentHashMap.newKeySet();
    private static final Set<Long> MEETINGS = ConcurrentHashMap.newKeySet();

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final BsnCipher bsns;

    RightsFixtures(JdbcOperations jdbc, TransactionOperations<Connection> tx, BsnCipher bsns) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.bsns = bsns;
    }

    /** A new table like the demo verzuimoverleg of Dijkstad College, same chair and participants. */
    long table() {
        int n = COUNTER.incrementAndGet();
        return tx.executeWrite(s -> {
            long id = longOf("""
                    INSERT INTO meeting_series (type, name, school_id, chair_id, every_weeks, location)
                    SELECT type, name || ' (rechten ' || ? || ')', school_id, chair_id, every_weeks, location
                      FROM meeting_series WHERE name = 'Verzuimoverleg Dijkstad College' RETURNING id
                    """, n);
            exec("""
                    INSERT INTO series_participant (series_id, user_id)
                    SELECT ?, sp.user_id FROM series_participant sp JOIN meeting_series ms ON ms.id = sp.series_id
                     WHERE ms.name = 'Verzuimoverleg Dijkstad College'
                    """, id);
            TABLES.add(id);
            return id;
        });
    }

    /** A new pupil of Dijkstad College, living in Dijkstad, born on the given day, on the table's case list. */
    long pupilAt(long table, LocalDate birthDate) {
        int n = COUNTER.incrementAndGet();
        return tx.executeWrite(s -> {
            long id = longOf("""
                    INSERT INTO pupil (school_id, school_year, enrolled_on)
                    VALUES ((SELECT id FROM school WHERE brin = '02CD'), 1, DATE '2025-08-20') RETURNING id
                    """);
            BsnCipher.Sealed bsn = bsns.seal(id, String.format("%09d", 970_000_000 + ProcessHandle.current().pid() % 1000 * 1000 + n));
            exec("""
                    INSERT INTO pupil_identity (pupil_id, given_name, family_name, birth_date, bsn_cipher, bsn_index, street_address,
                                                postal_code, residence_municipality_id)
                    VALUES (?, ?, 'Verzoeker', ?, ?, ?, 'Dijkweg 13', '9901 AB', (SELECT id FROM municipality WHERE code = 'GM9901'))
                    """, id, GIVEN_NAME, java.sql.Date.valueOf(birthDate), bsn.cipher(), bsn.index());
            exec("""
                    INSERT INTO series_case (series_id, pupil_id, alias_number, added_by)
                    VALUES (?, ?, (SELECT coalesce(max(alias_number), 0) + 1 FROM series_case WHERE series_id = ?),
                            (SELECT id FROM user_account WHERE username = 'zorg.dijkstad'))
                    """, table, id, table);
            PUPILS.add(id);
            return id;
        });
    }

    /** A DUO report by the school: leerplicht.dijkstad then sees the pupil by name. */
    void duoReport(long pupil, String reference) {
        tx.executeWrite(s -> exec("""
                INSERT INTO duo_report (pupil_id, school_id, kind, reported_on, duo_reference, recorded_by)
                VALUES (?, (SELECT school_id FROM pupil WHERE id = ?), 'RELATIVE_16H', DATE '2026-10-01', ?,
                        (SELECT id FROM user_account WHERE username = 'zorg.dijkstad'))
                """, pupil, pupil, reference));
    }

    /** A written consent of parent and pupil to the CJG for the verzuimoverleg. */
    void consent(long pupil, String parentName) {
        tx.executeWrite(s -> exec("""
                INSERT INTO consent (pupil_id, party_id, purpose, categories, given_by_pupil, given_by_parent, parent_name, method,
                                     given_on, recorded_by)
                VALUES (?, (SELECT id FROM party WHERE name = 'CJG Dijkstreek (JGZ)'), 'VERZUIMOVERLEG', ARRAY['IDENTITY'],
                        true, true, ?, 'WRITTEN', DATE '2026-09-01', (SELECT id FROM user_account WHERE username = 'zorg.dijkstad'))
                """, pupil, parentName));
    }

    /**
     * A past meeting of the table with the pupil on its agenda, a note by the youth nurse in the HEALTH
     * category (written under the CJG's consent) and a note by the school; returns the item's id.
     */
    long discussedWithHealthNote(long table, long pupil, String healthText, String schoolText) {
        return tx.executeWrite(s -> {
            long meeting = longOf("""
                    INSERT INTO meeting (series_id, starts_at, status) VALUES (?, now() - interval '7 days', 'CLOSED') RETURNING id
                    """, table);
            long item = longOf("""
                    INSERT INTO agenda_item (meeting_id, pupil_id, position, registered_by)
                    VALUES (?, ?, 1, (SELECT id FROM user_account WHERE username = 'zorg.dijkstad')) RETURNING id
                    """, meeting, pupil);
            exec("""
                    INSERT INTO agenda_note (item_id, author_id, author_party_id, written_under, text, category, writer_basis, writer_basis_id)
                    SELECT ?, u.id, u.party_id, 'IDENTIFIED', ?, 'HEALTH', 'CONSENT',
                           (SELECT c.id FROM consent c WHERE c.pupil_id = ? ORDER BY c.id LIMIT 1)
                      FROM user_account u WHERE u.username = 'jgz.verpleegkundige'
                    """, item, healthText, pupil);
            exec("""
                    INSERT INTO agenda_note (item_id, author_id, author_party_id, written_under, text, category, writer_basis)
                    SELECT ?, u.id, u.party_id, 'IDENTIFIED', ?, 'SUPPORT', 'ENROLMENT'
                      FROM user_account u WHERE u.username = 'zorg.dijkstad'
                    """, item, schoolText);
            MEETINGS.add(meeting);
            return item;
        });
    }

    /** Removes the pupils and tables made here, with everything hanging on them; the access log keeps its rows. */
    void cleanUp() {
        tx.executeWrite(s -> {
            for (Long meeting : MEETINGS) {
                exec("DELETE FROM meeting_action WHERE meeting_id = ?", meeting);
                exec("DELETE FROM meeting WHERE id = ?", meeting); // agenda items and notes: ON DELETE CASCADE
            }
            for (Long pupil : PUPILS) {
                exec("DELETE FROM data_subject_request WHERE pupil_id = ?", pupil);
                exec("DELETE FROM consent WHERE pupil_id = ?", pupil);
                exec("DELETE FROM duo_report WHERE pupil_id = ?", pupil);
                exec("DELETE FROM series_case WHERE pupil_id = ?", pupil);
                exec("DELETE FROM pupil WHERE id = ?", pupil); // pupil_identity: ON DELETE CASCADE
            }
            for (Long table : TABLES) {
                exec("DELETE FROM data_subject_request WHERE series_id = ?", table);
                exec("DELETE FROM meeting_series WHERE id = ?", table); // participants and case list: ON DELETE CASCADE
            }
            return null;
        });
        PUPILS.clear();
        MEETINGS.clear();
        TABLES.clear();
    }

    /** A write answering one number (e.g. {@code INSERT ... RETURNING id}). */
    long insert(String sql, Object... params) {
        return tx.executeWrite(s -> longOf(sql, params));
    }

    long count(String sql, Object... params) {
        return tx.executeRead(s -> longOf(sql, params));
    }

    private long longOf(String sql, Object... params) {
        return jdbc.prepareStatement(sql, st -> {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private int exec(String sql, Object... params) {
        return jdbc.prepareStatement(sql, st -> {
            bind(st, params);
            return st.executeUpdate();
        });
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
    }
}
