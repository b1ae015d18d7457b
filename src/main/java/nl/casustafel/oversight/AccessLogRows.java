package nl.casustafel.oversight;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import nl.casustafel.audit.AccessLog;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The access log's rows read for the privacy officer's search; the log itself is written by {@code audit}. */
@Singleton
class AccessLogRows {

    private static final String WHERE = """
             WHERE (?::bigint[] IS NULL OR l.pupil_id = ANY (?))
               AND (?::bigint IS NULL OR l.pupil_id = ?)
               AND (?::text IS NULL OR l.username = ?)
               AND (?::timestamptz IS NULL OR l.at >= ?)
               AND (?::timestamptz IS NULL OR l.at < ?)
            """;

    private final JdbcOperations jdbc;
    private final AccessLog accessLog;

    AccessLogRows(JdbcOperations jdbc, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    /** The newest rows that match, at most {@code limit}, each with the pupil's name where {@code names} has it. */
    List<AccessLogSearch.Entry> find(AccessLogSearch.Filter filter, Map<Long, String> names, int limit) {
        accessLog.writeGathered(); // the log as it stands includes this search's own look-up
        return jdbc.prepareStatement("""
                SELECT l.id, l.at, l.username, p.name AS party, l.pupil_id, l.context, l.basis_kind, l.basis_id
                  FROM access_log l JOIN party p ON p.id = l.party_id
                """ + WHERE + " ORDER BY l.id DESC LIMIT " + limit, statement -> {
            bind(statement, filter);
            List<AccessLogSearch.Entry> entries = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long pupil = rs.getLong("pupil_id");
                    entries.add(new AccessLogSearch.Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("username"),
                            rs.getString("party"), pupil, names.get(pupil), rs.getString("context"), rs.getString("basis_kind"),
                            (Long) rs.getObject("basis_id")));
                }
            }
            return entries;
        });
    }

    /** Whether any row matches. */
    boolean any(AccessLogSearch.Filter filter) {
        accessLog.writeGathered();
        return jdbc.prepareStatement("SELECT EXISTS (SELECT 1 FROM access_log l " + WHERE + ")", statement -> {
            bind(statement, filter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private static void bind(PreparedStatement statement, AccessLogSearch.Filter filter) throws SQLException {
        var ids = filter.pupilIds() == null ? null : statement.getConnection().createArrayOf("bigint", filter.pupilIds().toArray());
        statement.setArray(1, ids);
        statement.setArray(2, ids);
        statement.setObject(3, filter.pupilId());
        statement.setObject(4, filter.pupilId());
        statement.setString(5, filter.username());
        statement.setString(6, filter.username());
        statement.setTimestamp(7, filter.from());
        statement.setTimestamp(8, filter.from());
        statement.setTimestamp(9, filter.until());
        statement.setTimestamp(10, filter.until());
    }
}
