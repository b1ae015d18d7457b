package nl.casustafel.calendar;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The meetings of the tables a user sits at, read for the calendar only: the query selects the
 * table's name, the time and the location, and no column that could name a pupil.
 */
@Singleton
class CalendarEntries {

    private static final String SELECT = """
            SELECT m.id, ms.name, m.starts_at, coalesce(m.location, ms.location) AS location, m.status
              FROM meeting m
              JOIN meeting_series ms ON ms.id = m.series_id
              JOIN series_participant sp ON sp.series_id = m.series_id AND sp.user_id = ?
            """;

    private final JdbcOperations jdbc;

    CalendarEntries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's meetings from {@code from} on, cancelled ones included (so that a calendar drops them), earliest first. */
    @Transactional(readOnly = true)
    List<CalendarEntry> of(long userId, Instant from) {
        return query(SELECT + " WHERE m.starts_at >= ? ORDER BY m.starts_at, m.id", userId, from);
    }

    /** The user's next meeting that is still to be held or is being held now. */
    @Transactional(readOnly = true)
    Optional<CalendarEntry> next(long userId, Instant now) {
        return query(SELECT + """
                 WHERE (m.status = 'OPEN' OR (m.status = 'PLANNED' AND m.starts_at >= ?))
                 ORDER BY m.status = 'OPEN' DESC, m.starts_at, m.id LIMIT 1
                """, userId, now).stream().findFirst();
    }

    private List<CalendarEntry> query(String sql, long userId, Instant instant) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setLong(1, userId);
            statement.setTimestamp(2, Timestamp.from(instant));
            List<CalendarEntry> entries = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    entries.add(new CalendarEntry(rs.getLong("id"), rs.getString("name"), rs.getTimestamp("starts_at").toInstant(),
                            rs.getString("location"), "CANCELLED".equals(rs.getString("status"))));
                }
            }
            return entries;
        });
    }
}
