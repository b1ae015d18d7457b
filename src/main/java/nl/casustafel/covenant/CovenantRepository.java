package nl.casustafel.covenant;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CovenantRepository extends CrudRepository<Covenant, Long> {
    Optional<Covenant> findByCode(String code);
}
