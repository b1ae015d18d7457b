package nl.casustafel.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;

/** Walks the access log in chain order, each row with the hash the database recomputes for its content. */
final class LogRows {

    private LogRows() {
    }

    record Row(long id, String prevHash, String hash, String recomputed) {

        /** The stored hash still matches the row's content. */
        boolean sealed() {
            return hash.equals(recomputed);
        }
    }

    /** Called for each row; answers false to stop the walk. */
    interface Visitor {
        boolean visit(Row row);
    }

    /** The rows after {@code afterId}, in id order, until the visitor stops; call inside a transaction. */
    static void walk(JdbcOperations jdbc, long afterId, Visitor visitor) {
        jdbc.prepareStatement("""
                SELECT id, prev_hash, hash, access_log_row_hash(l) AS recomputed FROM access_log l WHERE id > ? ORDER BY id
                """, statement -> {
            statement.setLong(1, afterId);
            statement.setFetchSize(1000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if (!visitor.visit(new Row(rs.getLong("id"), rs.getString("prev_hash"), rs.getString("hash"),
                            rs.getString("recomputed")))) {
                        return null;
                    }
                }
            }
            return null;
        });
    }
}
