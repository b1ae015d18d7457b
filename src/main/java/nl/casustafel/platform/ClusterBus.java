package nl.casustafel.platform;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Tells the other instances on the same PostgreSQL that something changed, with PostgreSQL's own
 * {@code LISTEN/NOTIFY}: no other infrastructure. A message is a short text that names what changed by id
 * and kind, never by content (NOTIFY payloads reach every session that listens on the database).
 * <p>
 * {@link #send} runs {@code pg_notify} in the caller's transaction, so PostgreSQL delivers the message only
 * when that transaction commits (and never when it rolls back); other instances therefore re-read committed
 * data. Every message carries this instance's id, and this instance ignores its own messages: its own
 * screens have been told in-process already.
 * <p>
 * Receiving: one daemon thread holds a connection of its own (outside the pool, so that it never takes a
 * connection from the requests) and waits on {@link PGConnection#getNotifications(int)}. When the database
 * goes away it reconnects with a growing pause; notifications sent meanwhile are lost (PostgreSQL does not
 * keep them, nor replicate them to a standby), so after a reconnect every subscriber is told to re-read
 * everything ({@link Subscriber#reconnected()}). Watchers of the connection state ({@link #watch}) learn
 * when the database is lost and when it is back; the UI shows that to its users.
 */
@Singleton
public class ClusterBus {

    /** Receives the messages of one channel sent by the other instances. */
    public interface Subscriber {

        void received(String message);

        /** The listening connection was lost and is back: messages may have been missed, re-read everything. */
        default void reconnected() {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ClusterBus.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final char SEPARATOR = '|';
    private static final int WAIT_MILLIS = 500;
    /** How often (in waits) the idle listening connection is probed, so that a silently dropped one is noticed. */
    private static final int PROBE_EVERY = 20;
    private static final long FIRST_PAUSE_MILLIS = 500;
    private static final long LONGEST_PAUSE_MILLIS = 10_000;

    private final String instance = UUID.randomUUID().toString();
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    private final List<Consumer<Boolean>> watchers = new CopyOnWriteArrayList<>();
    private final Set<String> listening = ConcurrentHashMap.newKeySet();
    private final JdbcOperations jdbc;
    private final DedicatedConnections connections;
    private final boolean enabled;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile Thread listener;

    public ClusterBus(JdbcOperations jdbc, DedicatedConnections connections,
                      @Value("${casustafel.cluster.listen:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.enabled = enabled;
    }

    /** Sends the message to the other instances when the current transaction commits (at once without one). */
    @Transactional
    public void send(String channel, String message) {
        String payload = instance + SEPARATOR + message;
        jdbc.prepareStatement("SELECT pg_notify(?, ?)", statement -> {
            statement.setString(1, checked(channel));
            statement.setString(2, payload);
            statement.execute();
            return null;
        });
    }

    /** Receives the other instances' messages on this channel from now on (once the listener has connected). */
    public synchronized void subscribe(String channel, Subscriber subscriber) {
        subscribers.computeIfAbsent(checked(channel), c -> new CopyOnWriteArrayList<>()).add(subscriber);
        if (enabled && listener == null) {
            listener = Thread.ofPlatform().name("cluster-bus-listener").daemon().start(this::listen);
        }
    }

    /** Is told {@code false} when the listening connection to the database is lost, {@code true} when it is back. */
    public void watch(Consumer<Boolean> watcher) {
        watchers.add(watcher);
    }

    /** Whether this instance is listening on the channel now (a message sent from now on reaches it). */
    public boolean isListening(String channel) {
        return connected && listening.contains(channel);
    }

    /** Whether the listening connection to the database is up. */
    public boolean isConnected() {
        return connected;
    }

    private void listen() {
        long pause = FIRST_PAUSE_MILLIS;
        boolean lostBefore = false;
        while (running) {
            try (Connection connection = connections.open("listener")) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                listenToNewChannels(connection);
                connected = true;
                pause = FIRST_PAUSE_MILLIS;
                if (lostBefore) {
                    LOG.info("Listening connection to the database is back; live screens re-read");
                    tellWatchers(true);
                    subscribers.values().forEach(list -> list.forEach(ClusterBus::reconnected));
                }
                lostBefore = false;
                int waits = 0;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getName(), notification.getParameter());
                        }
                    }
                    listenToNewChannels(connection);
                    if (++waits % PROBE_EVERY == 0) {
                        try (Statement probe = connection.createStatement()) {
                            probe.execute("SELECT 1");
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening.clear();
                if (!running) {
                    return;
                }
                if (connected || !lostBefore) {
                    LOG.warn("Listening connection to the database lost ({}); reconnecting", e.getMessage());
                    connected = false;
                    lostBefore = true;
                    tellWatchers(false);
                }
                if (!sleep(pause)) {
                    return;
                }
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
            }
        }
    }

    private void listenToNewChannels(Connection connection) throws SQLException {
        for (String channel : subscribers.keySet()) {
            if (!listening.contains(channel)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel); // checked: lower-case letters, digits, underscores
                }
                listening.add(channel);
            }
        }
    }

    private void deliver(String channel, String payload) {
        int separator = payload.indexOf(SEPARATOR);
        if (separator < 0 || payload.substring(0, separator).equals(instance)) {
            return; // not ours to read, or our own message: this instance has acted on it already
        }
        String message = payload.substring(separator + 1);
        for (Subscriber subscriber : subscribers.getOrDefault(channel, List.of())) {
            try {
                subscriber.received(message);
            } catch (RuntimeException e) {
                LOG.warn("A subscriber of channel {} failed on a message", channel, e);
            }
        }
    }

    private static void reconnected(Subscriber subscriber) {
        try {
            subscriber.reconnected();
        } catch (RuntimeException e) {
            LOG.warn("A subscriber failed to re-read after a reconnect", e);
        }
    }

    private void tellWatchers(boolean up) {
        for (Consumer<Boolean> watcher : watchers) {
            try {
                watcher.accept(up);
            } catch (RuntimeException e) {
                LOG.warn("A watcher of the database connection failed", e);
            }
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String checked(String channel) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        return channel;
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
