package nl.casustafel.meeting;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.privacy.DisclosureContext;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which tables (meeting series) put a viewer and a pupil together, and under which alias. */
@Singleton
public class MeetingTables {

    private final JdbcOperations jdbc;

    public MeetingTables(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Per pupil, the table the viewer shares with it: {@code seriesId} if given, else the first. */
    public Map<Long, DisclosureContext> seats(Viewer viewer, Collection<Long> pupilIds, Long seriesId) {
        Map<Long, DisclosureContext> seats = new HashMap<>();
        if (pupilIds.isEmpty()) {
            return seats;
        }
        jdbc.prepareStatement("""
                SELECT sc.pupil_id, sc.series_id, sc.alias_number, sc.reason, sc.hulpvraag, ms.type, ms.name
                  FROM series_case sc
                  JOIN meeting_series ms ON ms.id = sc.series_id
                  JOIN series_participant sp ON sp.series_id = sc.series_id AND sp.user_id = ?
                 WHERE sc.pupil_id = ANY (?) AND (?::bigint IS NULL OR sc.series_id = ?)
                 ORDER BY sc.series_id DESC
                """, statement -> {
            statement.setLong(1, viewer.userId());
            statement.setArray(2, statement.getConnection().createArrayOf("bigint", pupilIds.toArray()));
            statement.setObject(3, seriesId);
            statement.setObject(4, seriesId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    // ordered newest series first, so the oldest shared table wins
                    seats.put(rs.getLong("pupil_id"), new DisclosureContext(rs.getLong("series_id"),
                            MeetingType.valueOf(rs.getString("type")), rs.getInt("alias_number"), rs.getString("reason"),
                            rs.getString("hulpvraag"), rs.getString("name")));
                }
            }
            return null;
        });
        return seats;
    }

    /** The pupils on a table's case list, in the order of their aliases (which says nothing about who they are). */
    public List<Long> pupilsAt(long seriesId) {
        return jdbc.prepareStatement("SELECT pupil_id FROM series_case WHERE series_id = ? ORDER BY alias_number", statement -> {
            statement.setLong(1, seriesId);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }
}
