package nl.casustafel.covenant;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MunicipalityRepository extends CrudRepository<Municipality, Long> {
    Optional<Municipality> findByCode(String code);

    List<Municipality> listOrderByName();
}
