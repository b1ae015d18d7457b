package nl.casustafel.pupil;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PupilIdentityRepository extends CrudRepository<PupilIdentity, Long> {
    Optional<PupilIdentity> findByBsn(String bsn);
}
