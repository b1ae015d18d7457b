package nl.casustafel.meeting;

/** What live screens react to: a meeting's state changed, or a fact that decides disclosure did. */
public final class MeetingEvents {

    private MeetingEvents() {
    }

    /** The chair moved on, or an item got a note, action, outcome or case manager. */
    public record MeetingChanged(long meetingId) {
    }

    /** A DUO report, consent, withdrawal or notification for this pupil: everyone's view of it may change. */
    public record PupilFactsChanged(long pupilId) {
    }

    /** A school recorded a DUO report: it fulfils the verzuimoverleg's "DUO report within 3 school days". */
    public record DuoReportRecorded(long pupilId, java.time.LocalDate reportedOn) {
    }
}
