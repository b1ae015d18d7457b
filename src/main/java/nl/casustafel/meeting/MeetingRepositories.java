package nl.casustafel.meeting;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The repositories of the meeting feature. */
final class MeetingRepositories {

    private MeetingRepositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Meetings extends CrudRepository<Meeting, Long> {
        List<Meeting> findBySeriesIdOrderByStartsAt(Long seriesId);

        @Query("""
                SELECT m.* FROM meeting m JOIN series_participant sp ON sp.series_id = m.series_id
                 WHERE sp.user_id = :userId ORDER BY m.starts_at
                """)
        List<Meeting> findForParticipant(Long userId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface AgendaItems extends CrudRepository<AgendaItem, Long> {
        List<AgendaItem> findByMeetingIdOrderByPosition(Long meetingId);

        @Query("SELECT coalesce(max(position), 0) + 1 FROM agenda_item WHERE meeting_id = :meetingId")
        int nextPosition(Long meetingId);

        boolean existsByMeetingIdAndPupilId(Long meetingId, Long pupilId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Notes extends CrudRepository<AgendaNote, Long> {
        List<AgendaNote> findByItemIdOrderById(Long itemId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Actions extends CrudRepository<MeetingAction, Long> {
        List<MeetingAction> findByOwnerIdAndDoneOnIsNullOrderByDueOn(Long ownerId);

        List<MeetingAction> findBySeriesIdAndDoneOnIsNullOrderByDueOn(Long seriesId);

        List<MeetingAction> findByMeetingIdOrderById(Long meetingId);

        List<MeetingAction> findByPupilIdAndKindAndDoneOnIsNull(Long pupilId, MeetingAction.Kind kind);
    }

    /** Who sits at a table and which pupils are on its case list. */
    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Seats extends GenericRepository<MeetingSeries, Long> {

        @Query("SELECT EXISTS (SELECT 1 FROM series_participant WHERE series_id = :seriesId AND user_id = :userId)")
        boolean sitsAt(long seriesId, long userId);

        @Query("SELECT user_id FROM series_participant WHERE series_id = :seriesId ORDER BY user_id")
        List<Long> participants(long seriesId);

        @Query("SELECT name FROM party WHERE id = :partyId")
        List<String> partyName(long partyId);

        @Query("SELECT pupil_id FROM series_case WHERE series_id = :seriesId ORDER BY alias_number")
        List<Long> pupilsAt(long seriesId);

        /** See {@link MeetingTables#partiesWithoutConsent}. */
        @Query("""
                SELECT DISTINCT p.name FROM series_participant sp
                  JOIN user_account u ON u.id = sp.user_id
                  JOIN party p ON p.id = u.party_id
                 WHERE sp.series_id = :seriesId AND p.type NOT IN ('SCHOOL_BOARD', 'MUNICIPALITY')
                   AND u.role NOT IN ('PRIVACY_OFFICER', 'ADMIN')
                   AND NOT EXISTS (SELECT 1 FROM consent c
                                    WHERE c.pupil_id = :pupilId AND c.party_id = p.id AND c.purpose = :purpose
                                      AND (:purpose <> 'SOT' OR lower(c.hulpvraag) = lower(:hulpvraag))
                                      AND c.withdrawn_on IS NULL AND c.given_on <= current_date
                                      AND (c.valid_until IS NULL OR c.valid_until >= current_date))
                 ORDER BY p.name
                """)
        List<String> partiesWithoutConsent(long seriesId, long pupilId, String purpose, String hulpvraag);
    }
}
