package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.CovenantRules;
import nl.casustafel.platform.InputRules;
import nl.casustafel.platform.InvalidInputException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The chair plans the meetings of a table: a date, the next one at the table's cadence, moving and cancelling. */
@Singleton
public class MeetingPlanning {

    private static final int LOCATION_MAX = 300;

    private final MeetingAccess access;
    private final MeetingRepositories.Meetings meetings;
    private final CovenantRules covenant;
    private final Clock clock;

    MeetingPlanning(MeetingAccess access, MeetingRepositories.Meetings meetings, CovenantRules covenant, Clock clock) {
        this.access = access;
        this.meetings = meetings;
        this.covenant = covenant;
        this.clock = clock;
    }

    @Transactional
    public Meeting plan(Viewer viewer, long seriesId, @Nullable Instant startsAt, @Nullable String location) {
        MeetingSeries table = access.chairedBy(viewer, seriesId);
        if (startsAt == null) {
            throw new InvalidInputException("startsAt", "Kies datum en tijd van het overleg.");
        }
        if (startsAt.isBefore(Instant.now(clock).minus(1, ChronoUnit.DAYS))) {
            throw new InvalidInputException("startsAt", "Een nieuw overleg kan niet in het verleden liggen.");
        }
        requireMeetingTime(startsAt);
        InputRules.requireText("location", location, LOCATION_MAX);
        return meetings.save(new Meeting(null, table.id(), startsAt, MeetingAccess.blankToNull(location, table.location()),
                Meeting.Status.PLANNED, null, null, null));
    }

    /** Plans the next meeting at the table's cadence after the last one. */
    @Transactional
    public Meeting planNext(Viewer viewer, long seriesId) {
        MeetingSeries table = access.chairedBy(viewer, seriesId);
        int weeks = table.everyWeeks() == null ? covenant.meeting(table.type()).everyWeeks().getFirst() : table.everyWeeks();
        Instant after = meetings.findBySeriesIdOrderByStartsAt(seriesId).stream()
                .filter(m -> m.status() != Meeting.Status.CANCELLED).map(Meeting::startsAt).reduce((a, b) -> b)
                .orElse(Instant.now(clock).truncatedTo(ChronoUnit.HOURS));
        Instant next = after.plus(weeks * 7L, ChronoUnit.DAYS);
        while (next.isBefore(Instant.now(clock))) {
            next = next.plus(weeks * 7L, ChronoUnit.DAYS); // after a long gap, the first date at the cadence still ahead
        }
        return plan(viewer, seriesId, next, table.location());
    }

    @Transactional
    public Meeting move(Viewer viewer, long meetingId, @Nullable Instant startsAt) {
        Meeting meeting = plannedMeetingChairedBy(viewer, meetingId);
        if (startsAt == null) {
            throw new InvalidInputException("startsAt", "Kies de nieuwe datum en tijd.");
        }
        if (startsAt.isBefore(Instant.now(clock).minus(1, ChronoUnit.DAYS))) {
            throw new InvalidInputException("startsAt", "Een overleg kan niet naar het verleden worden verzet.");
        }
        requireMeetingTime(startsAt);
        return meetings.update(new Meeting(meeting.id(), meeting.seriesId(), startsAt, meeting.location(), meeting.status(),
                null, null, null));
    }

    @Transactional
    public Meeting cancel(Viewer viewer, long meetingId) {
        Meeting meeting = plannedMeetingChairedBy(viewer, meetingId);
        return meetings.update(meeting.with(Meeting.Status.CANCELLED, null, null, null));
    }

    private Meeting plannedMeetingChairedBy(Viewer viewer, long meetingId) {
        Meeting meeting = access.meeting(meetingId);
        access.chairedBy(viewer, meeting.seriesId());
        if (meeting.status() != Meeting.Status.PLANNED) {
            throw new InvalidInputException("meetingId", "Alleen een gepland overleg kan worden verzet of afgelast.");
        }
        return meeting;
    }

    /** A meeting is planned at most a few years ahead; beyond that the moment is a typing error (or worse). */
    private void requireMeetingTime(Instant startsAt) {
        InputRules.requireDate("startsAt", LocalDate.ofInstant(startsAt, clock.getZone()), LocalDate.now(clock),
                MeetingController.MEETING_YEARS_AHEAD);
    }
}
