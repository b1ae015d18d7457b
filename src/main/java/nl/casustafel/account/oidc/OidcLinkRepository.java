package nl.casustafel.account.oidc;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OidcLinkRepository extends CrudRepository<OidcLink, Long> {

    Optional<OidcLink> findByIssuerAndSubject(String issuer, String subject);

    boolean existsByIssuerAndSubject(String issuer, String subject);

    @Query("SELECT l.* FROM oidc_link l JOIN user_account u ON u.id = l.user_id WHERE u.party_id = :partyId ORDER BY l.id")
    List<OidcLink> findOfParty(long partyId);
}
