package nl.casustafel.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.InvalidInputException;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The privacy officer's search in the access log: by pupil number, user and period. No case content. */
@Singleton
public class AccessLogSearch {

    static final int MAX_ROWS = 1000;

    private final JdbcOperations jdbc;

    public AccessLogSearch(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Serdeable
    public record Entry(long id, Instant at, String username, String party, long pupilId, String context,
                        String basisKind, @Nullable Long basisId) {
    }

    /** Filters; each may be empty. The period runs from {@code from} up to and including {@code until}. */
    public record Query(@Nullable Long pupilId, @Nullable String username, @Nullable LocalDate from, @Nullable LocalDate until) {
    }

    @Transactional(readOnly = true)
    public List<Entry> search(Query query) {
        if (query.from() != null && query.until() != null && query.until().isBefore(query.from())) {
            throw new InvalidInputException("until", "De einddatum ligt vóór de begindatum.");
        }
        String username = query.username() == null || query.username().isBlank() ? null : query.username().trim();
        return jdbc.prepareStatement("""
                SELECT l.id, l.at, l.username, p.name AS party, l.pupil_id, l.context, l.basis_kind, l.basis_id
                  FROM access_log l JOIN party p ON p.id = l.party_id
                 WHERE (?::bigint IS NULL OR l.pupil_id = ?)
                   AND (?::text IS NULL OR l.username = ?)
                   AND (?::timestamptz IS NULL OR l.at >= ?)
                   AND (?::timestamptz IS NULL OR l.at < ?)
                 ORDER BY l.id DESC
                 LIMIT %d
                """.formatted(MAX_ROWS), statement -> {
            statement.setObject(1, query.pupilId());
            statement.setObject(2, query.pupilId());
            statement.setString(3, username);
            statement.setString(4, username);
            Timestamp from = query.from() == null ? null : Timestamp.from(query.from().atStartOfDay(ClockFactory.AMSTERDAM).toInstant());
            Timestamp until = query.until() == null ? null
                    : Timestamp.from(query.until().plusDays(1).atStartOfDay(ClockFactory.AMSTERDAM).toInstant());
            statement.setTimestamp(5, from);
            statement.setTimestamp(6, from);
            statement.setTimestamp(7, until);
            statement.setTimestamp(8, until);
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("username"),
                            rs.getString("party"), rs.getLong("pupil_id"), rs.getString("context"), rs.getString("basis_kind"),
                            (Long) rs.getObject("basis_id")));
                }
            }
            return entries;
        });
    }
}
