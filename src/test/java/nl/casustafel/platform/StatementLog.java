package nl.casustafel.platform;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tests only: wraps the application's DataSource and records every statement sent to PostgreSQL (a batch is one
 * statement, as it is one round trip), so a test can count the SELECTs a request costs. Only in a test context
 * that sets {@code casustafel.test.count-statements}. It wraps the pool itself, before Micronaut Data wraps the
 * DataSource for contextual connections: wrapped the other way round, the proxy hides that wrapper and a new
 * connection is taken as a contextual one, whose close fails outside a transaction.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
@Requires(property = "casustafel.test.count-statements", value = "true")
public class StatementLog implements BeanCreatedEventListener<DataSource>, QueryExecutionListener {

    /** One statement as sent: its SQL (the first of a batch) and how many rows a batch carried. */
    public record Sent(String sql, int batchSize, String thread) {

        public boolean isSelect() {
            return sql.stripLeading().toUpperCase(Locale.ROOT).startsWith("SELECT")
                    || sql.stripLeading().toUpperCase(Locale.ROOT).startsWith("WITH");
        }

        public boolean isInsertInto(String table) {
            return sql.stripLeading().toUpperCase(Locale.ROOT).startsWith("INSERT INTO " + table.toUpperCase(Locale.ROOT));
        }
    }

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        return ProxyDataSourceBuilder.create(event.getBean()).name("counted").listener(this).build();
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        String sql = queryInfoList.isEmpty() ? "" : queryInfoList.get(0).getQuery();
        synchronized (sent) {
            sent.add(new Sent(sql, execInfo.isBatch() ? execInfo.getBatchSize() : 0, Thread.currentThread().getName()));
        }
    }

    /** Forgets what was sent so far. */
    public void clear() {
        synchronized (sent) {
            sent.clear();
        }
    }

    /** What was sent since the last {@link #clear()}. */
    public List<Sent> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    public List<Sent> selects() {
        return sent().stream().filter(Sent::isSelect).toList();
    }
}
