package nl.casustafel.account;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.PartyType;
import nl.casustafel.covenant.Role;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The viewer behind an API request in one statement: the sign-in session (open, not expired, on the API
 * channel), its account (active, the token's username), the account's party, schools and sworn
 * municipalities. Nothing is cached between requests, so a revoked session, a deactivated account or a
 * changed role or party counts from the very next request, on every instance (issue 14, item 1).
 */
@Singleton
class SessionViewers {

    private final JdbcOperations jdbc;
    private final Clock clock;

    SessionViewers(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Optional<Viewer> active(UUID sessionId, String username) {
        return jdbc.prepareStatement("""
                SELECT a.id, a.username, a.display_name, a.role, p.id AS party_id, p.name AS party_name, p.type AS party_type,
                       ARRAY(SELECT us.school_id FROM user_school us WHERE us.user_id = a.id) AS school_ids,
                       ARRAY(SELECT um.municipality_id FROM user_sworn_municipality um WHERE um.user_id = a.id) AS sworn_ids
                  FROM sign_in_session s
                  JOIN user_account a ON a.id = s.user_id
                  JOIN party p ON p.id = a.party_id
                 WHERE s.id = ? AND s.channel = ? AND s.revoked_at IS NULL AND s.expires_at > ?
                   AND a.active AND a.username = ?
                """, statement -> {
            statement.setObject(1, sessionId);
            statement.setString(2, SignInChannel.API.name());
            statement.setTimestamp(3, Timestamp.from(clock.instant()));
            statement.setString(4, username);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Viewer>empty();
                }
                return Optional.of(new Viewer(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getLong("party_id"), rs.getString("party_name"),
                        PartyType.valueOf(rs.getString("party_type")), ids(rs.getArray("school_ids")), ids(rs.getArray("sworn_ids"))));
            }
        });
    }

    private static Set<Long> ids(Array array) throws SQLException {
        return new HashSet<>(Arrays.asList((Long[]) array.getArray()));
    }
}
