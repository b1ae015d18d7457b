package nl.casustafel.platform;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections to the application's database outside the pool, for the few things that must hold one
 * connection for long (the LISTEN connection of {@link ClusterBus}, a session-level advisory lock of
 * {@link ClusterLock}) and must not take one away from the requests. Count them when sizing
 * {@code max_connections} (README, "Running more than one instance").
 */
@Singleton
public class DedicatedConnections {

    private final String url;
    private final String username;
    private final String password;

    public DedicatedConnections(@Value("${datasources.default.url}") String url,
                                @Value("${datasources.default.username:}") String username,
                                @Value("${datasources.default.password:}") String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** A new autocommit connection, named in {@code pg_stat_activity} as {@code casustafel-<purpose>}. */
    public Connection open(String purpose) throws SQLException {
        Properties properties = new Properties();
        if (!username.isBlank()) {
            properties.setProperty("user", username);
        }
        if (!password.isEmpty()) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "casustafel-" + purpose);
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(true);
        return connection;
    }
}
