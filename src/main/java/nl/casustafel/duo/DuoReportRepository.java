package nl.casustafel.duo;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface DuoReportRepository extends CrudRepository<DuoReport, Long> {
    List<DuoReport> findByPupilIdOrderByReportedOnDesc(Long pupilId);

    List<DuoReport> findByPupilIdInAndClosedOnIsNull(Collection<Long> pupilIds);
}
