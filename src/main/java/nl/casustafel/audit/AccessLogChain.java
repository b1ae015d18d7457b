package nl.casustafel.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;

/**
 * Checks that the access log is whole: every row's hash matches its content and the previous
 * row's hash, so a row changed or removed behind the database's back (e.g. by a superuser who
 * dropped the trigger) shows as a break at that row.
 */
@Singleton
public class AccessLogChain {

    private static final String GENESIS = "0".repeat(64);

    private final JdbcOperations jdbc;

    public AccessLogChain(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Serdeable
    public record Verification(boolean intact, long rowsChecked, @Nullable Long firstBrokenRow) {
    }

    @Transactional(readOnly = true)
    public Verification verify() {
        return jdbc.prepareStatement("""
                SELECT id, prev_hash, hash, access_log_row_hash(l) AS recomputed FROM access_log l ORDER BY id
                """, statement -> {
            String previous = GENESIS;
            long rows = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    boolean linked = previous.equals(rs.getString("prev_hash"));
                    boolean sealed = rs.getString("hash").equals(rs.getString("recomputed"));
                    if (!linked || !sealed) {
                        return new Verification(false, rows, rs.getLong("id"));
                    }
                    previous = rs.getString("hash");
                }
            }
            return new Verification(true, rows, null);
        });
    }
}
