package nl.casustafel.meeting;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

/**
 * The lookups and checks the meeting services share: a meeting, its table and agenda item by id (a
 * Dutch 400 when unknown), whether the viewer takes part or chairs, whether the meeting still takes
 * new content, and the pupil of an item as the viewer sees it at the table.
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
        return meetings.findById(meetingId).orElseThrow(() -> new InvalidInputException("meetingId", "Dit overleg bestaat niet."));
    }

    @Transactional(readOnly = true)
    MeetingSeries seriesOf(Meeting meeting) {
        return series.findById(meeting.seriesId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    MeetingSeries series(long seriesId) {
        return series.findById(seriesId).orElseThrow(() -> new InvalidInputException("seriesId", "Dit overleg bestaat niet."));
    }

    @Transactional(readOnly = true)
    AgendaItem item(long itemId) {
        return items.findById(itemId).orElseThrow(() -> new InvalidInputException("itemId", "Dit agendapunt bestaat niet."));
    }

    void requireParticipant(Viewer viewer, MeetingSeries table) {
        if (!tables.sitsAt(table.id(), viewer.userId())) {
            throw new InvalidInputException("meetingId", "U neemt niet deel aan dit overleg.");
        }
    }

    MeetingSeries chairedBy(Viewer viewer, long seriesId) {
        MeetingSeries table = series(seriesId);
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

    /** The item's pupil as the participant sees it at the table (and logged when by name); refused when not at all. */
    PupilView seenAtItem(Viewer viewer, AgendaItem item) {
        Meeting meeting = meeting(item.meetingId());
        MeetingSeries table = seriesOf(meeting);
        requireParticipant(viewer, table);
        return reader.read(viewer, item.pupilId(), table.id(), "overleg " + meeting.id())
                .orElseThrow(() -> new InvalidInputException("itemId", "U kunt bij dit punt niets vastleggen."));
    }

    static String blankToNull(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
