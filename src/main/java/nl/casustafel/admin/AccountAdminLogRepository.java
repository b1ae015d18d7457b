package nl.casustafel.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** The beheerlogboek: written once per act, read newest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AccountAdminLogRepository extends GenericRepository<AccountAdminLogEntry, Long> {

    AccountAdminLogEntry save(AccountAdminLogEntry entry);

    /** The newest rows, of one party or (null) of all. */
    @Query("""
            SELECT l.id, l.at, a.username AS actor_username, a.display_name AS actor_name, p.name AS party_name,
                   l.account_id, l.account_username, l.action, l.detail
              FROM account_admin_log l
              JOIN user_account a ON a.id = l.actor_id
              JOIN party p ON p.id = l.party_id
             WHERE CAST(:partyId AS BIGINT) IS NULL OR l.party_id = :partyId
             ORDER BY l.at DESC, l.id DESC
             LIMIT :limit""")
    List<Row> newest(@Nullable Long partyId, int limit);

    /** A row as the beheerder and the functionaris gegevensbescherming read it. */
    @Serdeable
    @Introspected
    record Row(long id, Instant at, String actorUsername, String actorName, String partyName, long accountId,
               String accountUsername, AccountAdminAction action, @Nullable String detail) {
    }
}
