package nl.casustafel.pupil;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface PupilRepository extends CrudRepository<Pupil, Long> {
    long countBySchoolId(Long schoolId);
}
