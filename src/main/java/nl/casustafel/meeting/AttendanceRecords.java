package nl.casustafel.meeting;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SQL of attendance: the people of a meeting's table with what was recorded for them. */
@Singleton
class AttendanceRecords {

    private final JdbcOperations jdbc;

    AttendanceRecords(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The participants of the meeting's table, and anyone recorded for the meeting who has left the
     * table since, chair first, then by name.
     */
    List<Attendee> of(long meetingId) {
        return jdbc.prepareStatement("""
                WITH people AS (
                    SELECT sp.user_id FROM series_participant sp JOIN meeting m ON m.series_id = sp.series_id WHERE m.id = ?
                    UNION
                    SELECT a.user_id FROM meeting_attendance a WHERE a.meeting_id = ?)
                SELECT u.id, u.display_name, p.name AS party, coalesce(ms.chair_id = u.id, false) AS chair, a.presence
                  FROM people
                  JOIN user_account u ON u.id = people.user_id
                  JOIN party p ON p.id = u.party_id
                  JOIN meeting m ON m.id = ?
                  JOIN meeting_series ms ON ms.id = m.series_id
                  LEFT JOIN meeting_attendance a ON a.meeting_id = m.id AND a.user_id = u.id
                 ORDER BY chair DESC, lower(u.display_name), u.id
                """, statement -> {
            statement.setLong(1, meetingId);
            statement.setLong(2, meetingId);
            statement.setLong(3, meetingId);
            List<Attendee> attendees = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String presence = rs.getString("presence");
                    attendees.add(new Attendee(rs.getLong("id"), rs.getString("display_name"), rs.getString("party"),
                            rs.getBoolean("chair"), presence == null ? null : Presence.valueOf(presence)));
                }
            }
            return attendees;
        });
    }

    /** Replaces what was recorded for the meeting with {@code presence} (user id to presence). */
    void replace(long meetingId, Map<Long, Presence> presence, long recordedBy) {
        jdbc.prepareStatement("DELETE FROM meeting_attendance WHERE meeting_id = ?", statement -> {
            statement.setLong(1, meetingId);
            return statement.executeUpdate();
        });
        jdbc.prepareStatement("""
                INSERT INTO meeting_attendance (meeting_id, user_id, presence, recorded_by) VALUES (?, ?, ?, ?)
                """, statement -> {
            for (Map.Entry<Long, Presence> entry : presence.entrySet()) {
                statement.setLong(1, meetingId);
                statement.setLong(2, entry.getKey());
                statement.setString(3, entry.getValue().name());
                statement.setLong(4, recordedBy);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }
}
