package nl.casustafel.plan;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The plan's tables; used only inside {@code plan}. */
final class PlanRepositories {

    private PlanRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Plans extends CrudRepository<CasePlan, Long> {
        Optional<CasePlan> findBySeriesIdAndPupilId(long seriesId, long pupilId);

        List<CasePlan> findByPupilId(long pupilId);

        @Query("SELECT p.* FROM case_plan p WHERE p.closed_at IS NULL AND (p.coordinator_id = :userId OR EXISTS (SELECT 1 FROM plan_line l "
                + "WHERE l.plan_id = p.id AND l.to_version IS NULL AND l.responsible_user_id = :userId)) ORDER BY p.id")
        List<CasePlan> openFor(long userId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Lines extends CrudRepository<PlanLine, Long> {
        @Query("SELECT * FROM plan_line WHERE plan_id = :planId AND to_version IS NULL ORDER BY kind, line_key")
        List<PlanLine> current(long planId);

        @Query("SELECT * FROM plan_line WHERE plan_id = :planId ORDER BY from_version, line_key, id")
        List<PlanLine> all(long planId);

        @Query("SELECT nextval('plan_line_key')")
        long nextKey();
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Progress extends CrudRepository<PlanProgress, Long> {
        List<PlanProgress> findByPlanIdOrderByWrittenAt(long planId);

        List<PlanProgress> findByPlanIdAndWrittenAtGreaterThanOrderByWrittenAt(long planId, Instant since);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Versions extends GenericRepository<CasePlan, Long> {
        @Query("INSERT INTO plan_version (plan_id, version, changed_by, changed_party, coordinator_id) "
                + "VALUES (:planId, :version, :userId, :partyId, :coordinatorId)")
        void record(long planId, int version, long userId, long partyId, long coordinatorId);

        @Query("SELECT version, changed_by, changed_party, changed_at, coordinator_id FROM plan_version WHERE plan_id = :planId ORDER BY version")
        List<PlanVersionRow> of(long planId);
    }
}
