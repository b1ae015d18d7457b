package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import nl.casustafel.covenant.MeetingType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The minutes of one meeting as one participant may read them: built by {@link MinutesService} per
 * the meeting type's {@link MinutesPolicy} and the viewer's own disclosure of each pupil. Nothing in
 * it names a pupil the viewer may not see by name; under {@link MinutesPolicy#NONE_PERSONAL} nothing
 * names any pupil at all.
 */
public record Minutes(long meetingId,
                      MeetingType type,
                      MinutesPolicy policy,
                      String typeLabel,
                      String tableName,
                      LocalDateTime startsAt,
                      @Nullable String location,
                      Meeting.Status status,
                      @Nullable String caseRole,
                      List<Participant> participants,
                      boolean attendanceRecorded,
                      int pupilsDiscussed,
                      int duoReportsAgreed,
                      List<Item> items,
                      List<Action> actions,
                      String preparedFor,
                      LocalDateTime preparedAt) {

    public Minutes {
        participants = List.copyOf(participants);
        items = List.copyOf(items);
        actions = List.copyOf(actions);
    }

    /**
     * A person who attended, or sent notice ({@link Presence#EXCUSED}), by name and party, as the chair
     * recorded it ({@link AttendanceService}); members of the table who were not recorded are not listed.
     */
    public record Participant(String name, String party, boolean chair, Presence presence) {
    }

    /** Those present. */
    public List<Participant> present() {
        return participants.stream().filter(p -> p.presence() == Presence.PRESENT).toList();
    }

    /** Those absent with notice (afgemeld). */
    public List<Participant> excused() {
        return participants.stream().filter(p -> p.presence() == Presence.EXCUSED).toList();
    }

    /**
     * One agenda item. {@code pupil} is the name only when the policy allows names and the viewer sees
     * the pupil identified, else the alias; the other fields are null when the policy or the viewer's
     * disclosure leaves them out.
     */
    public record Item(int position,
                       String pupil,
                       boolean identified,
                       @Nullable LocalDate birthDate,
                       @Nullable String hulpvraag,
                       @Nullable String reason,
                       @Nullable String outcome,
                       @Nullable String caseManager,
                       List<Note> notes) {

        public Item {
            notes = List.copyOf(notes);
        }
    }

    /** A note the viewer may read, with the author and the party that brought it in. */
    public record Note(String author, String party, String text) {
    }

    /** An agreed action: for which pupil (as the item shows it), what, who, by when, and whether done. */
    public record Action(@Nullable String pupil,
                         String what,
                         String owner,
                         LocalDate dueOn,
                         @Nullable LocalDate doneOn,
                         boolean duoReport) {
    }

    public LocalDate date() {
        return startsAt.toLocalDate();
    }

    /** The name of the downloaded file: {@code notulen-2026-12-03.pdf}. */
    public String fileName() {
        return "notulen-" + date() + ".pdf";
    }
}
