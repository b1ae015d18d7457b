package nl.casustafel.covenant;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PartyRepository extends CrudRepository<Party, Long> {
    Optional<Party> findByName(String name);

    @io.micronaut.data.annotation.Query("SELECT * FROM party ORDER BY type, name")
    List<Party> listOrderByTypeAndName();
}
