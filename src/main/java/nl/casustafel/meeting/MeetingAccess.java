package nl.casustafel.meeting;

import nl.casustafel.platform.NotFoundException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

/**
 * The lookups and checks the meeting services share: a meeting, its table and agenda item by id, whether
 * the viewer takes part or chairs, whether the meeting still takes new content, and the pupil of an item
 * as the viewer sees it at the table. A meeting, table or item that does not exist and one the viewer does
 * not take part in (or whose pupil the viewer does not see at all) get one answer, {@link NotFoundException}
 * (404): an error reveals no existence (issue 10, finding e). Participants get the reasons in Dutch.
 */
@Singleton
class MeetingAccess {

    private final MeetingSeriesRepository series;
    private final MeetingRepositories.Meetings meetings;
    private final MeetingRepositories.AgendaItems items;
    private final MeetingTables tables;
    private final PupilReader reader;

    MeetingAccess(MeetingSeriesRepository series, MeetingRepositories.Meetings meetings, MeetingRepositories.AgendaItems items,
                  MeetingTables tables, PupilReader reader) {
        this.series = series;
        this.meetings = meetings;
        this.items = items;
        this.tables = tables;
        this.reader = reader;
    }

    @Transactional(readOnly = true)
    Meeting meeting(long meetingId) {
        return meetings.findById(meetingId).orElseThrow(NotFoundException::new);
    }

    @Transactional(readOnly = true)
    MeetingSeries seriesOf(Meeting meeting) {
        return series.findById(meeting.seriesId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    MeetingSeries series(long seriesId) {
        return series.findById(seriesId).orElseThrow(NotFoundException::new);
    }

    @Transactional(readOnly = true)
    AgendaItem item(long itemId) {
        return items.findById(itemId).orElseThrow(NotFoundException::new);
    }

    void requireParticipant(Viewer viewer, MeetingSeries table) {
        if (!tables.sitsAt(table.id(), viewer.userId())) {
            throw new NotFoundException();
        }
    }

    MeetingSeries chairedBy(Viewer viewer, long seriesId) {
        MeetingSeries table = series(seriesId);
        requireParticipant(viewer, table);
        if (table.chairId() == null || table.chairId() != viewer.userId()) {
            throw new InvalidInputException("seriesId", "Alleen de voorzitter van dit overleg kan dit doen.");
        }
        return table;
    }

    /** Notes, outcome and actions are written while a meeting is planned or held, not after. */
    void requireActive(AgendaItem item) {
        Meeting.Status status = meeting(item.meetingId()).status();
        if (status == Meeting.Status.CLOSED || status == Meeting.Status.CANCELLED) {
            throw new InvalidInputException("itemId", "Dit overleg is afgerond of afgelast; leg het vast bij een volgend overleg.");
        }
    }

    /**
     * The item's pupil as the participant sees it at the table (and logged when by name); 404 for a viewer
     * who does not sit at the table or does not see the pupil at all. Call it before any other check on the
     * item, so that nothing else (a closed meeting, a bad field) tells an outsider that the item exists.
     */
    PupilView seenAtItem(Viewer viewer, AgendaItem item) {
        Meeting meeting = meeting(item.meetingId());
        MeetingSeries table = seriesOf(meeting);
        requireParticipant(viewer, table);
        return reader.read(viewer, item.pupilId(), table.id(), "overleg " + meeting.id())
                .orElseThrow(NotFoundException::new);
    }

    static String blankToNull(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
