package nl.casustafel.retention;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.casustafel.covenant.Party;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The closing decisions (afsluitbesluiten) of cases: at most one standing per pupil. Retention has no entity of its
 * own; {@link Party} (whose name the standing decision shows) is only the root type Micronaut Data needs.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ClosingDecisions extends GenericRepository<Party, Long> {

    /** Serialises decisions, reopenings and destruction of one pupil (on the pupil's row) until the transaction ends. */
    @Query("SELECT id FROM pupil WHERE id = :pupilId FOR UPDATE")
    Optional<Long> lockPupil(long pupilId);

    /** The standing (not withdrawn) decision, with the names of who made it. */
    @Query("""
            SELECT d.id, d.pupil_id, d.reason, d.decided_on, d.destroy_on, d.decided_by, u.display_name AS decided_by_name,
                   d.decided_by_party, p.name AS decided_by_party_name
              FROM closing_decision d
              JOIN user_account u ON u.id = d.decided_by JOIN party p ON p.id = d.decided_by_party
             WHERE d.pupil_id = :pupilId AND d.withdrawn_at IS NULL
            """)
    Optional<ClosingDecision> standing(long pupilId);

    @Query("""
            INSERT INTO closing_decision (pupil_id, reason, decided_on, destroy_on, decided_by, decided_by_party)
            VALUES (:pupilId, :reason, :decidedOn, :destroyOn, :decidedBy, :decidedByParty)
            """)
    void add(long pupilId, String reason, LocalDate decidedOn, LocalDate destroyOn, long decidedBy, long decidedByParty);

    /** Heropenen: marks the standing decision withdrawn; the number of decisions withdrawn (0 or 1). */
    @Query("UPDATE closing_decision SET withdrawn_at = now(), withdrawn_by = :userId WHERE pupil_id = :pupilId AND withdrawn_at IS NULL")
    int withdraw(long userId, long pupilId);
}
