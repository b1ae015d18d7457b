package nl.casustafel.absence;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Plain SQL for test assertions, each call in its own transaction. */
@Singleton
public class TestSql {

    public interface Work<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    private final JdbcOperations jdbc;

    public TestSql(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public <T> T query(String sql, Work<T> work) {
        return jdbc.prepareStatement(sql, statement -> {
            try {
                return work.apply(statement);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Transactional
    public int update(String sql) {
        return query(sql, PreparedStatement::executeUpdate);
    }
}
