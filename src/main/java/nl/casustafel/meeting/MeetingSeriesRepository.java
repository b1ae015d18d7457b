package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MeetingSeriesRepository extends CrudRepository<MeetingSeries, Long> {

    Optional<MeetingSeries> findByName(String name);

    @Query("""
            SELECT ms.* FROM meeting_series ms JOIN series_participant sp ON sp.series_id = ms.id
             WHERE sp.user_id = :userId ORDER BY ms.name
            """)
    List<MeetingSeries> findByParticipant(Long userId);

    @Query("INSERT INTO series_participant (series_id, user_id) VALUES (:seriesId, :userId) ON CONFLICT DO NOTHING")
    void addParticipant(Long seriesId, Long userId);

    /**
     * Puts a pupil on the case list with the next alias number of the table; a pupil already on it
     * keeps the alias, and a newly registered hulpvraag or reason replaces the old one, so that
     * disclosure follows the question now on the table (a new hulpvraag needs new consent). Registering a
     * pupil whose case the table scaled down (afschaling) reopens it.
     */
    @Query("""
            INSERT INTO series_case (series_id, pupil_id, alias_number, reason, hulpvraag, added_by)
            SELECT :seriesId, :pupilId, coalesce(max(alias_number), 0) + 1, :reason, :hulpvraag, :addedBy
              FROM series_case WHERE series_id = :seriesId
            ON CONFLICT (series_id, pupil_id) DO UPDATE
               SET hulpvraag = coalesce(excluded.hulpvraag, series_case.hulpvraag),
                   reason = coalesce(excluded.reason, series_case.reason),
                   scaled_down_at = NULL, scaled_down_on = NULL, scaled_down_reason = NULL,
                   scaled_down_explanation = NULL, scaled_down_by = NULL
            """)
    void addCase(Long seriesId, Long pupilId, @Nullable String reason, @Nullable String hulpvraag, Long addedBy);
}
