package nl.casustafel.school;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SchoolRepository extends CrudRepository<School, Long> {
    Optional<School> findByBrin(String brin);

    List<School> findByIdInOrderByName(Collection<Long> ids);

    List<School> listOrderByName();
}
