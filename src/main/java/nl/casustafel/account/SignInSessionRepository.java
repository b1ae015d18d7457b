package nl.casustafel.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SignInSessionRepository extends CrudRepository<SignInSession, UUID> {

    @Query("UPDATE sign_in_session SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
    long revoke(UUID id, Instant now);

    @Query("UPDATE sign_in_session SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
    long revokeAllOf(long userId, Instant now);
}
