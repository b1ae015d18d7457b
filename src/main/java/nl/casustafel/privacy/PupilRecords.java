package nl.casustafel.privacy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.ConsentGiver;
import nl.casustafel.covenant.DuoReportKind;
import nl.casustafel.covenant.MeetingType;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads pupils with the facts the disclosure rules need, many at a time. Only the privacy kernel
 * reads identity; everything else gets a {@link PupilView}.
 */
@Singleton
class PupilRecords {

    private final JdbcOperations jdbc;
    private final BsnCipher bsns;

    PupilRecords(JdbcOperations jdbc, BsnCipher bsns) {
        this.jdbc = jdbc;
        this.bsns = bsns;
    }

    /** Identity and case data of a pupil, as stored. */
    record Stored(long id, long schoolId, String schoolName, int schoolYear, String givenName, String familyName,
                  LocalDate birthDate, String bsn, String address, String postalCode, long residenceId,
                  String residenceName) {
    }

    record Loaded(Stored stored, PupilFacts facts) {
    }

    Map<Long, Loaded> load(Collection<Long> pupilIds) {
        if (pupilIds.isEmpty()) {
            return Map.of();
        }
        Long[] ids = pupilIds.toArray(Long[]::new);
        Map<Long, Stored> stored = stored(ids);
        Map<Long, List<PupilFacts.DuoReportFact>> duo = new HashMap<>();
        query("""
                SELECT id, pupil_id, kind, reported_on, duo_reference FROM duo_report
                 WHERE pupil_id = ANY (?) AND closed_on IS NULL ORDER BY reported_on DESC, id DESC
                """, ids, rs -> duo.computeIfAbsent(rs.getLong("pupil_id"), k -> new ArrayList<>())
                .add(new PupilFacts.DuoReportFact(rs.getLong("id"), DuoReportKind.valueOf(rs.getString("kind")),
                        rs.getDate("reported_on").toLocalDate(), rs.getString("duo_reference"))));
        Map<Long, List<PupilFacts.ClosedDuoReportFact>> closed = new HashMap<>();
        query("""
                SELECT id, pupil_id, reported_on, duo_reference, closed_on FROM duo_report
                 WHERE pupil_id = ANY (?) AND closed_on IS NOT NULL ORDER BY closed_on DESC, id DESC
                """, ids, rs -> closed.computeIfAbsent(rs.getLong("pupil_id"), k -> new ArrayList<>())
                .add(new PupilFacts.ClosedDuoReportFact(rs.getLong("id"), rs.getDate("reported_on").toLocalDate(),
                        rs.getString("duo_reference"), rs.getDate("closed_on").toLocalDate())));
        Map<Long, List<PupilFacts.ConsentFact>> consents = new HashMap<>();
        query("""
                SELECT c.*, p.name AS party_name FROM consent c JOIN party p ON p.id = c.party_id
                 WHERE c.pupil_id = ANY (?) ORDER BY c.given_on DESC, c.id DESC
                """, ids, rs -> consents.computeIfAbsent(rs.getLong("pupil_id"), k -> new ArrayList<>()).add(consent(rs)));
        Map<Long, List<PupilFacts.NotificationFact>> notifications = new HashMap<>();
        query("""
                SELECT n.id, n.pupil_id, n.purpose, n.notified_on, array_agg(np.party_id) AS parties
                  FROM parent_notification n JOIN parent_notification_party np ON np.notification_id = n.id
                 WHERE n.pupil_id = ANY (?) GROUP BY n.id ORDER BY n.notified_on DESC
                """, ids, rs -> notifications.computeIfAbsent(rs.getLong("pupil_id"), k -> new ArrayList<>())
                .add(new PupilFacts.NotificationFact(rs.getLong("id"), MeetingType.valueOf(rs.getString("purpose")),
                        rs.getDate("notified_on").toLocalDate(), longs(rs.getArray("parties")))));
        Map<Long, Loaded> loaded = new LinkedHashMap<>();
        for (Stored s : stored.values()) {
            loaded.put(s.id(), new Loaded(s, new PupilFacts(s.id(), s.schoolId(), s.residenceId(), s.residenceName(),
                    duo.getOrDefault(s.id(), List.of()), consents.getOrDefault(s.id(), List.of()),
                    notifications.getOrDefault(s.id(), List.of()), s.birthDate(), closed.getOrDefault(s.id(), List.of()))));
        }
        return loaded;
    }

    private Map<Long, Stored> stored(Long[] ids) {
        Map<Long, Stored> stored = new LinkedHashMap<>();
        query("""
                SELECT p.id, p.school_id, s.name AS school_name, p.school_year, i.given_name, i.family_name,
                       i.birth_date, i.bsn_cipher, i.street_address, i.postal_code, m.id AS residence_id, m.name AS residence_name
                  FROM pupil p
                  JOIN school s ON s.id = p.school_id
                  JOIN pupil_identity i ON i.pupil_id = p.id
                  JOIN municipality m ON m.id = i.residence_municipality_id
                 WHERE p.id = ANY (?)
                 ORDER BY i.family_name, i.given_name, p.id
                """, ids, rs -> stored.put(rs.getLong("id"), new Stored(rs.getLong("id"), rs.getLong("school_id"),
                rs.getString("school_name"), rs.getInt("school_year"), rs.getString("given_name"), rs.getString("family_name"),
                rs.getDate("birth_date").toLocalDate(), bsns.open(rs.getLong("id"), rs.getBytes("bsn_cipher")), rs.getString("street_address"),
                rs.getString("postal_code"), rs.getLong("residence_id"), rs.getString("residence_name"))));
        return stored;
    }

    private static PupilFacts.ConsentFact consent(ResultSet rs) throws SQLException {
        Set<ConsentGiver> givers = EnumSet.noneOf(ConsentGiver.class);
        if (rs.getBoolean("given_by_pupil")) {
            givers.add(ConsentGiver.PUPIL);
        }
        if (rs.getBoolean("given_by_parent")) {
            givers.add(ConsentGiver.PARENT);
        }
        return new PupilFacts.ConsentFact(rs.getLong("id"), rs.getLong("party_id"), rs.getString("party_name"),
                MeetingType.valueOf(rs.getString("purpose")), rs.getString("hulpvraag"),
                new HashSet<>(Arrays.asList((String[]) rs.getArray("categories").getArray())), givers,
                rs.getDate("given_on").toLocalDate(), date(rs.getDate("valid_until")), date(rs.getDate("withdrawn_on")),
                new HashSet<>(Arrays.asList((Long[]) rs.getArray("shared_with").getArray())));
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Set<Long> longs(Array array) throws SQLException {
        return new HashSet<>(Arrays.asList((Long[]) array.getArray()));
    }

    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Long[] ids, RowHandler handler) {
        jdbc.prepareStatement(sql, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
            return null;
        });
    }
}
