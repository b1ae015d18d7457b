package nl.casustafel.meeting;

/** What live screens react to: a meeting's state changed (see also {@code privacy.PupilFactsChanged}). */
public final class MeetingEvents {

    private MeetingEvents() {
    }

    /** The chair moved on, or an item got a note, action, outcome or case manager. */
    public record MeetingChanged(long meetingId) {
    }

    /**
     * Case content about a pupil kept outside the meeting changed (a plan van aanpak, a progress report): the
     * screens showing that pupil re-read it. Published after commit by the feature that keeps the content.
     */
    public record CaseContentChanged(long pupilId) {
    }

}
