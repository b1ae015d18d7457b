package nl.casustafel.meeting;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

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
}
