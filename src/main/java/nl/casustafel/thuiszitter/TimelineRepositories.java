package nl.casustafel.thuiszitter;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The timeline's SQL: its entries, and the thuiszitterstafel cases they hang on. */
final class TimelineRepositories {

    private TimelineRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Entries extends CrudRepository<TimelineEntry, Long> {
        List<TimelineEntry> findBySeriesIdAndPupilIdOrderByStartsOnAndId(long seriesId, long pupilId);

        @Query("SELECT EXISTS (SELECT 1 FROM thuiszitter_entry WHERE series_id = :seriesId AND pupil_id = :pupilId AND kind = 'FULLY_BACK')")
        boolean fullyBack(long seriesId, long pupilId);

        /** The thuiszitterstafels the pupil is registered at, oldest first. */
        @Query("""
                SELECT sc.series_id FROM series_case sc JOIN meeting_series ms ON ms.id = sc.series_id
                 WHERE sc.pupil_id = :pupilId AND ms.type = 'THUISZITTERSTAFEL' ORDER BY sc.series_id
                """)
        List<Long> thuiszitterTables(long pupilId);

        /** The day of registration at the table (the case's first registration). */
        @Query("SELECT (added_at AT TIME ZONE 'Europe/Amsterdam')::date FROM series_case WHERE series_id = :seriesId AND pupil_id = :pupilId")
        Optional<LocalDate> registeredOn(long seriesId, long pupilId);

        @Query("SELECT EXISTS (SELECT 1 FROM series_participant WHERE series_id = :seriesId AND user_id = :userId)")
        boolean sitsAt(long seriesId, long userId);

        @Query("SELECT name FROM meeting_series WHERE id = :seriesId")
        Optional<String> tableName(long seriesId);

        @Query("SELECT name FROM party WHERE id = :partyId")
        Optional<String> partyName(long partyId);

        @Query("SELECT EXISTS (SELECT 1 FROM meeting_series WHERE id = :seriesId AND type = 'THUISZITTERSTAFEL')")
        boolean isThuiszitterTable(long seriesId);
    }
}
