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
import java.util.Comparator;
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
        // Restrictions (art. 18 AVG) and objections (art. 21 AVG) in force, from carried-out data-subject requests.
        Set<Long> restricted = new HashSet<>();
        Set<Long> objected = new HashSet<>();
        query("SELECT pupil_id, kind FROM processing_limit WHERE pupil_id = ANY (?) AND lifted_on IS NULL", ids,
                rs -> ("RESTRICTION".equals(rs.getString("kind")) ? restricted : objected).add(rs.getLong("pupil_id")));
        Map<Long, Loaded> loaded = new LinkedHashMap<>();
        for (Stored s : stored.values()) {
            loaded.put(s.id(), new Loaded(s, new PupilFacts(s.id(), s.schoolId(), s.residenceId(), s.residenceName(),
                    duo.getOrDefault(s.id(), List.of()), consents.getOrDefault(s.id(), List.of()),
                    notifications.getOrDefault(s.id(), List.of()), s.birthDate(), closed.getOrDefault(s.id(), List.of()),
                    restricted.contains(s.id()), objected.contains(s.id()))));
        }
        return loaded;
    }

    /** Pupils loaded with their facts, their seats at one table and who sits there: one read, decided per viewer later. */
    record AtTable(long seriesId, Map<Long, Loaded> loaded, Map<Long, DisclosureContext> seats, Set<Long> participants,
                   Map<Long, Long> scaledDownKeptBy) {
    }

    /**
     * What {@link #load} and {@link Seats#seats} read for one table, in one statement: the pupils with identity, open
     * and closed DUO reports, consents, parent notifications, their place on the table's case list, and the table's
     * participants. Kinds of rows in one UNION ALL, told apart by {@code kind}; the first branch types every column.
     */
    AtTable loadAtTable(Collection<Long> pupilIds, long seriesId) {
        Long[] ids = pupilIds.toArray(Long[]::new);
        Map<Long, Stored> stored = new HashMap<>();
        Map<Long, List<PupilFacts.DuoReportFact>> duo = new HashMap<>();
        Map<Long, List<PupilFacts.ClosedDuoReportFact>> closed = new HashMap<>();
        Map<Long, List<PupilFacts.ConsentFact>> consents = new HashMap<>();
        Map<Long, List<PupilFacts.NotificationFact>> notifications = new HashMap<>();
        Map<Long, DisclosureContext> seats = new HashMap<>();
        Map<Long, Long> scaledDownKeptBy = new HashMap<>();
        Set<Long> participants = new HashSet<>();
        jdbc.prepareStatement(AT_TABLE, statement -> {
            Array array = statement.getConnection().createArrayOf("bigint", ids);
            for (int i = 1; i <= 4; i++) {
                statement.setArray(i, array);
            }
            statement.setLong(5, seriesId);
            statement.setArray(6, array);
            statement.setLong(7, seriesId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long pupilId = rs.getLong("pupil_id");
                    switch (rs.getString("kind")) {
                        case "P" -> stored.put(pupilId, new Stored(pupilId, rs.getLong("school_id"), rs.getString("school_name"),
                                rs.getInt("school_year"), rs.getString("given_name"), rs.getString("family_name"),
                                rs.getDate("birth_date").toLocalDate(), bsns.open(pupilId, rs.getBytes("bsn_cipher")),
                                rs.getString("street_address"), rs.getString("postal_code"), rs.getLong("residence_id"),
                                rs.getString("residence_name")));
                        case "D" -> duo.computeIfAbsent(pupilId, k -> new ArrayList<>()).add(new PupilFacts.DuoReportFact(rs.getLong("id"),
                                DuoReportKind.valueOf(rs.getString("duo_kind")), rs.getDate("reported_on").toLocalDate(),
                                rs.getString("duo_reference")));
                        case "C" -> closed.computeIfAbsent(pupilId, k -> new ArrayList<>()).add(new PupilFacts.ClosedDuoReportFact(
                                rs.getLong("id"), rs.getDate("reported_on").toLocalDate(), rs.getString("duo_reference"),
                                rs.getDate("closed_on").toLocalDate()));
                        case "K" -> consents.computeIfAbsent(pupilId, k -> new ArrayList<>()).add(consent(rs));
                        case "N" -> notifications.computeIfAbsent(pupilId, k -> new ArrayList<>()).add(new PupilFacts.NotificationFact(
                                rs.getLong("id"), MeetingType.valueOf(rs.getString("purpose")), rs.getDate("notified_on").toLocalDate(),
                                longs(rs.getArray("parties"))));
                        case "S" -> {
                            // afschaling: the seat stays only for the school of enrolment's party (its board)
                            if (rs.getObject("id") != null) {
                                scaledDownKeptBy.put(pupilId, rs.getLong("id"));
                            }
                            seats.put(pupilId, new DisclosureContext(seriesId, MeetingType.valueOf(rs.getString("series_type")),
                                rs.getInt("alias_number"), rs.getString("reason"), rs.getString("hulpvraag"), rs.getString("series_name"),
                                rs.getString("handle")));
                        }
                        case "T" -> participants.addAll(longs(rs.getArray("parties")));
                        default -> throw new IllegalStateException("Unknown row kind");
                    }
                }
            }
            return null;
        });
        // the orders load() keeps: newest first
        duo.values().forEach(l -> l.sort(Comparator.comparing(PupilFacts.DuoReportFact::reportedOn)
                .thenComparing(PupilFacts.DuoReportFact::id).reversed()));
        closed.values().forEach(l -> l.sort(Comparator.comparing(PupilFacts.ClosedDuoReportFact::closedOn)
                .thenComparing(PupilFacts.ClosedDuoReportFact::id).reversed()));
        consents.values().forEach(l -> l.sort(Comparator.comparing(PupilFacts.ConsentFact::givenOn)
                .thenComparing(PupilFacts.ConsentFact::id).reversed()));
        notifications.values().forEach(l -> l.sort(Comparator.comparing(PupilFacts.NotificationFact::notifiedOn).reversed()));
        Map<Long, Loaded> loaded = new LinkedHashMap<>();
        stored.values().stream()
                .sorted(Comparator.comparing(Stored::familyName).thenComparing(Stored::givenName).thenComparingLong(Stored::id))
                .forEach(s -> loaded.put(s.id(), new Loaded(s, new PupilFacts(s.id(), s.schoolId(), s.residenceId(), s.residenceName(),
                        duo.getOrDefault(s.id(), List.of()), consents.getOrDefault(s.id(), List.of()),
                        notifications.getOrDefault(s.id(), List.of()), s.birthDate(), closed.getOrDefault(s.id(), List.of())))));
        return new AtTable(seriesId, loaded, seats, Set.copyOf(participants), scaledDownKeptBy);
    }

    private static final String AT_TABLE = """
            SELECT 'P' AS kind, p.id AS pupil_id, NULL::bigint AS id,
                   p.school_id, s.name::text AS school_name, p.school_year, i.given_name::text AS given_name,
                   i.family_name::text AS family_name, i.birth_date, i.bsn_cipher, i.street_address::text AS street_address,
                   i.postal_code::text AS postal_code, m.id AS residence_id, m.name::text AS residence_name,
                   NULL::text AS duo_kind, NULL::date AS reported_on, NULL::text AS duo_reference, NULL::date AS closed_on,
                   NULL::bigint AS party_id, NULL::text AS party_name, NULL::text AS purpose, NULL::text AS hulpvraag,
                   NULL::text[] AS categories, NULL::boolean AS given_by_pupil, NULL::boolean AS given_by_parent,
                   NULL::date AS given_on, NULL::date AS valid_until, NULL::date AS withdrawn_on, NULL::bigint[] AS shared_with,
                   NULL::date AS notified_on, NULL::bigint[] AS parties,
                   NULL::integer AS alias_number, NULL::text AS reason, NULL::text AS handle, NULL::text AS series_type,
                   NULL::text AS series_name
              FROM pupil p
              JOIN school s ON s.id = p.school_id
              JOIN pupil_identity i ON i.pupil_id = p.id
              JOIN municipality m ON m.id = i.residence_municipality_id
             WHERE p.id = ANY (?)
            UNION ALL
            SELECT CASE WHEN d.closed_on IS NULL THEN 'D' ELSE 'C' END, d.pupil_id, d.id,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   d.kind, d.reported_on, d.duo_reference, d.closed_on,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
              FROM duo_report d WHERE d.pupil_id = ANY (?)
            UNION ALL
            SELECT 'K', c.pupil_id, c.id,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL,
                   c.party_id, cp.name, c.purpose, c.hulpvraag, c.categories::text[], c.given_by_pupil, c.given_by_parent,
                   c.given_on, c.valid_until, c.withdrawn_on, c.shared_with,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL
              FROM consent c JOIN party cp ON cp.id = c.party_id WHERE c.pupil_id = ANY (?)
            UNION ALL
            SELECT 'N', n.pupil_id, n.id,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL,
                   NULL, NULL, n.purpose, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   n.notified_on, ARRAY(SELECT np.party_id FROM parent_notification_party np WHERE np.notification_id = n.id)::bigint[],
                   NULL, NULL, NULL, NULL, NULL
              FROM parent_notification n WHERE n.pupil_id = ANY (?)
               AND EXISTS (SELECT 1 FROM parent_notification_party np WHERE np.notification_id = n.id)
            UNION ALL
            SELECT 'S', sc.pupil_id,
                   CASE WHEN sc.scaled_down_at IS NOT NULL
                        THEN (SELECT s.board_party_id FROM pupil p JOIN school s ON s.id = p.school_id WHERE p.id = sc.pupil_id) END,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, sc.hulpvraag, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL,
                   sc.alias_number, sc.reason, sc.handle, ms.type, ms.name
              FROM series_case sc JOIN meeting_series ms ON ms.id = sc.series_id
             WHERE sc.series_id = ? AND sc.pupil_id = ANY (?)
            UNION ALL
            SELECT 'T', NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL,
                   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                   NULL, ARRAY(SELECT sp.user_id FROM series_participant sp WHERE sp.series_id = ?)::bigint[],
                   NULL, NULL, NULL, NULL, NULL
            """;

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
