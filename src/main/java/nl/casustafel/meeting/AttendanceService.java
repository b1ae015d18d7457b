package nl.casustafel.meeting;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.platform.NotFoundException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who attended a meeting (presentielijst). The chair of the table records it, per participant:
 * present, absent, or absent with notice; the minutes then list who was present and who sent notice
 * instead of every member of the table. Participants read it; to anyone else the meeting does not
 * exist (one 404 for "not yours" and "none").
 */
@Singleton
public class AttendanceService {

    static final String CHAIR_ONLY = "Alleen de voorzitter van dit overleg legt de aanwezigheid vast.";

    private final MeetingRepositories.Meetings meetings;
    private final MeetingSeriesRepository series;
    private final MeetingTables tables;
    private final AttendanceRecords records;
    private final ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed;

    AttendanceService(MeetingRepositories.Meetings meetings, MeetingSeriesRepository series, MeetingTables tables,
                      AttendanceRecords records, ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed) {
        this.meetings = meetings;
        this.series = series;
        this.tables = tables;
        this.records = records;
        this.changed = changed;
    }

    /** The people of the meeting's table with their recorded presence; participants only, else 404. */
    @Transactional(readOnly = true)
    public List<Attendee> attendance(Viewer viewer, long meetingId) {
        participantsMeeting(viewer, meetingId);
        return records.of(meetingId);
    }

    /** Whether the viewer chairs the meeting's table (and so records its attendance). */
    @Transactional(readOnly = true)
    public boolean mayRecord(Viewer viewer, long meetingId) {
        return meetings.findById(meetingId).flatMap(m -> series.findById(m.seriesId()))
                .map(t -> Objects.equals(t.chairId(), viewer.userId())).orElse(false);
    }

    /**
     * The chair records the attendance of the whole table at once: {@code presence} maps each
     * participant's account id to their presence; a participant left out is "not recorded". Someone
     * who does not sit at the table cannot be recorded (400), a participant who is not the chair is
     * refused (403), anyone else gets 404. Nothing is written unless all of it is valid.
     */
    @Transactional
    public List<Attendee> record(Viewer viewer, long meetingId, @Nullable Map<Long, Presence> presence) {
        Meeting meeting = participantsMeeting(viewer, meetingId);
        MeetingSeries table = series.findById(meeting.seriesId()).orElseThrow(NotFoundException::new);
        if (!Objects.equals(table.chairId(), viewer.userId())) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, CHAIR_ONLY);
        }
        if (meeting.status() == Meeting.Status.CANCELLED) {
            throw new InvalidInputException("attendance", "Dit overleg is afgelast; er is geen aanwezigheid vast te leggen.");
        }
        if (presence == null) {
            throw new InvalidInputException("attendance", "Geef per deelnemer aan of die aanwezig was.");
        }
        Set<Long> atTable = records.of(meetingId).stream().map(Attendee::userId).collect(Collectors.toSet());
        Set<Long> participants = Set.copyOf(tables.participants(table.id()));
        Map<Long, Presence> checked = new LinkedHashMap<>();
        for (Map.Entry<Long, Presence> entry : presence.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new InvalidInputException("attendance", "Geef per deelnemer aan: aanwezig, afwezig of afgemeld.");
            }
            // Someone recorded before who has left the table since may keep (or lose) their line; nobody new may be added.
            if (!participants.contains(entry.getKey()) && !atTable.contains(entry.getKey())) {
                throw new InvalidInputException("attendance", "Alleen deelnemers aan dit overleg kunnen op de presentielijst staan.");
            }
            checked.put(entry.getKey(), entry.getValue());
        }
        records.replace(meetingId, checked, viewer.userId());
        changed.publishEvent(new MeetingEvents.MeetingChanged(meetingId));
        return records.of(meetingId);
    }

    /**
     * The attendance as the minutes print it, for a meeting whose participant the caller has already
     * been checked to be: those present and those absent with notice, empty when nothing is recorded.
     */
    @Transactional(readOnly = true)
    List<Attendee> forMinutes(long meetingId) {
        return records.of(meetingId).stream()
                .filter(a -> a.presence() == Presence.PRESENT || a.presence() == Presence.EXCUSED).toList();
    }

    /** Whether any attendance has been recorded for the meeting. */
    @Transactional(readOnly = true)
    boolean recorded(long meetingId) {
        return records.of(meetingId).stream().anyMatch(a -> a.presence() != null);
    }

    private Meeting participantsMeeting(Viewer viewer, long meetingId) {
        Meeting meeting = meetings.findById(meetingId).orElseThrow(NotFoundException::new);
        if (!tables.sitsAt(meeting.seriesId(), viewer.userId())) {
            throw new NotFoundException();
        }
        return meeting;
    }
}
