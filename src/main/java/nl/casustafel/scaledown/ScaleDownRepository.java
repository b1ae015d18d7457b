package nl.casustafel.scaledown;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The afschaling's SQL: the case behind an agenda item, the decision on {@code series_case}, the notices. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ScaleDownRepository extends CrudRepository<ScaleDownNotice, Long> {

    /** The case an agenda item of a meeting is about, with the table's chair and whether it is scaled down already. */
    @Introspected
    record ItemCase(long pupilId, long seriesId, @Nullable Long chairId, boolean scaledDown, int aliasNumber) {
    }

    @Query("""
            SELECT i.pupil_id, m.series_id, ms.chair_id, sc.scaled_down_at IS NOT NULL AS scaled_down, sc.alias_number
              FROM agenda_item i
              JOIN meeting m ON m.id = i.meeting_id
              JOIN meeting_series ms ON ms.id = m.series_id
              JOIN series_case sc ON sc.series_id = m.series_id AND sc.pupil_id = i.pupil_id
             WHERE i.id = :itemId AND m.id = :meetingId
            """)
    Optional<ItemCase> itemCase(long meetingId, long itemId);

    @Query("SELECT EXISTS (SELECT 1 FROM series_participant WHERE series_id = :seriesId AND user_id = :userId)")
    boolean sitsAt(long seriesId, long userId);

    /** Locks the case row, so that two decisions on one case follow each other. */
    @Query("SELECT scaled_down_at IS NOT NULL FROM series_case WHERE series_id = :seriesId AND pupil_id = :pupilId FOR UPDATE")
    boolean lockCase(long seriesId, long pupilId);

    @Query("""
            UPDATE series_case
               SET scaled_down_at = now(), scaled_down_on = :on, scaled_down_reason = :reason,
                   scaled_down_explanation = :explanation, scaled_down_by = :by
             WHERE series_id = :seriesId AND pupil_id = :pupilId AND scaled_down_at IS NULL
            """)
    int scaleDown(long seriesId, long pupilId, String reason, @Nullable String explanation, long by, LocalDate on);

    /** A notice for every participant of the table at the time of the decision. */
    @Query("""
            INSERT INTO scale_down_notice (series_id, pupil_id, user_id, alias_number, decided_on)
            SELECT sc.series_id, sc.pupil_id, sp.user_id, sc.alias_number, :on
              FROM series_case sc JOIN series_participant sp ON sp.series_id = sc.series_id
             WHERE sc.series_id = :seriesId AND sc.pupil_id = :pupilId
            """)
    int notifyParticipants(long seriesId, long pupilId, LocalDate on);

    List<ScaleDownNotice> findByUserIdOrderByCreatedAtDesc(long userId);

    @Query("SELECT name FROM meeting_series WHERE id = :seriesId")
    Optional<String> tableName(long seriesId);

    /** The reason code of the standing afschaling of the case; empty when not scaled down (any more). */
    @Query("SELECT scaled_down_reason FROM series_case WHERE series_id = :seriesId AND pupil_id = :pupilId AND scaled_down_at IS NOT NULL")
    Optional<String> standingReason(long seriesId, long pupilId);

    @Query("SELECT scaled_down_explanation FROM series_case WHERE series_id = :seriesId AND pupil_id = :pupilId AND scaled_down_at IS NOT NULL")
    Optional<String> standingExplanation(long seriesId, long pupilId);
}
