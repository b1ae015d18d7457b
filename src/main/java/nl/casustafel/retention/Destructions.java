package nl.casustafel.retention;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import nl.casustafel.covenant.Party;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The statements of {@link DestructionService}: which cases are due, and what goes from which table. Every method
 * joins the caller's transaction (one per pupil). {@link Party} is only the root type Micronaut Data needs.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface Destructions extends GenericRepository<Party, Long> {

    /** A due case: what the statistics keep of it. */
    @Introspected
    record Case(long schoolId, String sector, ClosingReason reason, int closingYear) {
    }

    @Query("SELECT pupil_id FROM closing_decision WHERE withdrawn_at IS NULL AND destroy_on <= :asOf ORDER BY destroy_on, pupil_id")
    List<Long> due(LocalDate asOf);

    /** The case if it is still due, its pupil row locked until the transaction ends. */
    @Query("""
            SELECT p.school_id, s.sector, d.reason, CAST(EXTRACT(YEAR FROM d.decided_on) AS INTEGER) AS closing_year
              FROM closing_decision d JOIN pupil p ON p.id = d.pupil_id JOIN school s ON s.id = p.school_id
             WHERE d.pupil_id = :pupilId AND d.withdrawn_at IS NULL AND d.destroy_on <= :asOf
               FOR UPDATE OF p
            """)
    Optional<Case> lockDueCase(long pupilId, LocalDate asOf);

    /** The kinds of table ({@code MeetingType} names) the pupil was discussed at: on a case list or on a meeting's agenda. */
    @Query("""
            SELECT ms.type FROM series_case sc JOIN meeting_series ms ON ms.id = sc.series_id WHERE sc.pupil_id = :pupilId
            UNION
            SELECT ms.type FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
              JOIN meeting_series ms ON ms.id = m.series_id WHERE ai.pupil_id = :pupilId
            """)
    List<String> tablesOf(long pupilId);

    @Query("UPDATE meeting SET current_item_id = NULL WHERE current_item_id IN (SELECT id FROM agenda_item WHERE pupil_id = :pupilId)")
    void clearCurrentItems(long pupilId);

    @Query("DELETE FROM meeting_action WHERE pupil_id = :pupilId OR item_id IN (SELECT id FROM agenda_item WHERE pupil_id = :pupilId)")
    void deleteActions(long pupilId);

    /** agenda_note goes with it: ON DELETE CASCADE. */
    @Query("DELETE FROM agenda_item WHERE pupil_id = :pupilId")
    void deleteAgendaItems(long pupilId);

    @Query("DELETE FROM series_case WHERE pupil_id = :pupilId")
    void deleteSeriesCases(long pupilId);

    @Query("DELETE FROM withdrawal_notice WHERE consent_id IN (SELECT id FROM consent WHERE pupil_id = :pupilId)")
    void deleteWithdrawalNotices(long pupilId);

    @Query("DELETE FROM consent WHERE pupil_id = :pupilId")
    void deleteConsents(long pupilId);

    /** parent_notification_party goes with it: ON DELETE CASCADE. */
    @Query("DELETE FROM parent_notification WHERE pupil_id = :pupilId")
    void deleteParentNotifications(long pupilId);

    @Query("DELETE FROM duo_report WHERE pupil_id = :pupilId")
    void deleteDuoReports(long pupilId);

    @Query("DELETE FROM absence_figure WHERE pupil_id = :pupilId")
    void deleteAbsenceFigure(long pupilId);

    /** Absence records are stored under the pupil's school. */
    @Query("DELETE FROM absence_record WHERE school_id = :schoolId AND pupil_id = :pupilId")
    void deleteAbsenceRecords(long schoolId, long pupilId);

    @Query("DELETE FROM closing_decision WHERE pupil_id = :pupilId")
    void deleteClosingDecisions(long pupilId);

    @Query("DELETE FROM pupil WHERE id = :pupilId")
    void deletePupil(long pupilId);

    @Query("""
            INSERT INTO retention_statistic (closing_year, sector, reason, at_verzuimoverleg, at_sot, at_thuiszitterstafel, cases)
            VALUES (:closingYear, :sector, :reason, :atVerzuimoverleg, :atSot, :atThuiszitterstafel, 1)
            ON CONFLICT (closing_year, sector, reason, at_verzuimoverleg, at_sot, at_thuiszitterstafel)
            DO UPDATE SET cases = retention_statistic.cases + 1
            """)
    void countStatistic(int closingYear, String sector, String reason, boolean atVerzuimoverleg, boolean atSot,
                        boolean atThuiszitterstafel);

    @Query("""
            INSERT INTO destruction_log (destroyed_on, school_id, cases) VALUES (:destroyedOn, :schoolId, 1)
            ON CONFLICT (destroyed_on, school_id) DO UPDATE SET cases = destruction_log.cases + 1, last_at = now()
            """)
    void logDestruction(LocalDate destroyedOn, long schoolId);
}
