package nl.casustafel.privacy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.MeetingType;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which tables (meeting series) put a viewer and a pupil together, and under which alias: the seat
 * decides the context of every disclosure at a table, so the kernel resolves it itself.
 */
@Singleton
public class Seats {

    private final JdbcOperations jdbc;

    /**
     * Whether a seat at a table still discloses anything (SQL, first parameter the viewer's party): the case is
     * not scaled down (afschaling), or the viewer belongs to the party (school board) of the pupil's school of
     * enrolment, whose file stays (covenant Bijlage 3.2: "met uitzondering van de school van inschrijving").
     */
    private static final String OPEN_SEAT = """
            (sc.scaled_down_at IS NULL OR EXISTS (SELECT 1 FROM pupil p JOIN school s ON s.id = p.school_id
                                                   WHERE p.id = sc.pupil_id AND s.board_party_id = ?))""";

    Seats(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Per pupil, the table the viewer shares with it: {@code seriesId} if given, else the first. */
    Map<Long, DisclosureContext> seats(Viewer viewer, Collection<Long> pupilIds, Long seriesId) {
        Map<Long, DisclosureContext> seats = new HashMap<>();
        if (pupilIds.isEmpty()) {
            return seats;
        }
        jdbc.prepareStatement("""
                SELECT sc.pupil_id, sc.series_id, sc.alias_number, sc.reason, sc.hulpvraag, sc.handle, ms.type, ms.name,
                       %s AS open
                  FROM series_case sc
                  JOIN meeting_series ms ON ms.id = sc.series_id
                  JOIN series_participant sp ON sp.series_id = sc.series_id AND sp.user_id = ?
                 WHERE sc.pupil_id = ANY (?) AND (?::bigint IS NULL OR sc.series_id = ?)
                 ORDER BY open, sc.series_id DESC
                """.formatted(OPEN_SEAT), statement -> {
            statement.setLong(1, viewer.partyId());
            statement.setLong(2, viewer.userId());
            statement.setArray(3, statement.getConnection().createArrayOf("bigint", pupilIds.toArray()));
            statement.setObject(4, seriesId);
            statement.setObject(5, seriesId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    // ordered closed seats first and newest series first, so an open seat beats a closed one
                    // and among those the oldest shared table wins
                    seats.put(rs.getLong("pupil_id"), rs.getBoolean("open")
                            ? new DisclosureContext(rs.getLong("series_id"), MeetingType.valueOf(rs.getString("type")),
                            rs.getInt("alias_number"), rs.getString("reason"), rs.getString("hulpvraag"), rs.getString("name"),
                            rs.getString("handle"))
                            : DisclosureContext.scaledDown("afgeschaald"));
                }
            }
            return null;
        });
        return seats;
    }

    /** A pupil on the case list of a table, found by its handle there. */
    public record Seat(long pupilId, long seriesId) {
    }

    /** The pupil and table a handle stands for, only when the viewer sits at that table; else empty. */
    Optional<Seat> seatByHandle(Viewer viewer, String handle) {
        return jdbc.prepareStatement("""
                SELECT sc.pupil_id, sc.series_id FROM series_case sc
                  JOIN series_participant sp ON sp.series_id = sc.series_id AND sp.user_id = ?
                 WHERE sc.handle = ? AND %s
                """.formatted(OPEN_SEAT), statement -> {
            statement.setLong(1, viewer.userId());
            statement.setString(2, handle);
            statement.setLong(3, viewer.partyId());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new Seat(rs.getLong("pupil_id"), rs.getLong("series_id"))) : Optional.<Seat>empty();
            }
        });
    }

    /**
     * The tables the viewer sits at, by name, each with its case list in the order of the aliases (ids only);
     * a case the table scaled down only for the school of enrolment's party.
     */
    public Map<Long, List<Long>> casesAtTablesOf(Viewer viewer) {
        return jdbc.prepareStatement("""
                SELECT ms.id, sc.pupil_id FROM meeting_series ms
                  JOIN series_participant sp ON sp.series_id = ms.id AND sp.user_id = ?
                  JOIN series_case sc ON sc.series_id = ms.id
                 WHERE %s
                 ORDER BY ms.name, ms.id, sc.alias_number
                """.formatted(OPEN_SEAT), statement -> {
            statement.setLong(1, viewer.userId());
            statement.setLong(2, viewer.partyId());
            Map<Long, List<Long>> cases = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    cases.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
            return cases;
        });
    }
}
