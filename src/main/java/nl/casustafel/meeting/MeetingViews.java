package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.privacy.WithheldContent;
import nl.casustafel.privacy.WriterBasis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the meetings API answers. Pupils appear only as the {@link PupilView} the privacy kernel made
 * for the caller; the free text and the people around an agenda item that could tie an alias to a
 * person or a school are left out for a caller who sees the pupil under its alias only.
 */
public final class MeetingViews {

    private MeetingViews() {
    }

    /** A meeting with its table (meeting series). */
    @Serdeable
    public record MeetingSummary(long id,
                                 long seriesId,
                                 String seriesName,
                                 MeetingType type,
                                 Instant startsAt,
                                 @Nullable String location,
                                 Meeting.Status status,
                                 @Nullable Long currentItemId,
                                 @Nullable Instant openedAt,
                                 @Nullable Instant closedAt,
                                 boolean chairedByMe) {

        static MeetingSummary of(Meeting meeting, MeetingSeries table, Viewer viewer) {
            return new MeetingSummary(meeting.id(), table.id(), table.name(), table.type(), meeting.startsAt(), meeting.location(),
                    meeting.status(), meeting.currentItemId(), meeting.openedAt(), meeting.closedAt(),
                    table.chairId() != null && table.chairId() == viewer.userId());
        }
    }

    /**
     * A meeting with its agenda, the actions agreed in it, and the open actions of the table agreed in
     * earlier meetings, which come back on every next agenda until done.
     */
    @Serdeable
    public record MeetingDetail(MeetingSummary meeting,
                                List<AgendaEntry> agenda,
                                List<Action> actions,
                                List<Action> carriedOver) {
    }

    /**
     * An agenda item and its pupil as the caller may see it, and what of its content (notes, outcome,
     * registration) is withheld from the caller, per providing party and reason, without text or writer.
     */
    @Serdeable
    public record AgendaEntry(Item item, @Nullable PupilView pupil, List<WithheldContent> withheld) {
    }

    /**
     * An agenda item. {@code outcome}, {@code parentsInformedBy} and {@code registeredBy} are case
     * content with a provenance: null when the privacy kernel ({@code privacy.ContentPolicy}) withholds
     * them from the caller, e.g. written seeing the name for a caller who sees the alias.
     */
    @Serdeable
    public record Item(long id,
                       long meetingId,
                       int position,
                       @Nullable String hulpvraag,
                       @Nullable String reason,
                       @Nullable Boolean consentGiven,
                       @Nullable Boolean reportedToDuo,
                       @Nullable Boolean parentsKnowCjgAsks,
                       @Nullable String parentsInformedBy,
                       @Nullable Long registeredBy,
                       @Nullable Instant registeredAt,
                       @Nullable Long caseManagerId,
                       @Nullable String outcome,
                       int version) {

        static Item of(AgendaItem item, AgendaContent.ItemContent content) {
            return new Item(item.id(), item.meetingId(), item.position(), item.hulpvraag(), item.reason(), item.consentGiven(),
                    item.reportedToDuo(), item.parentsKnowCjgAsks(), content.parentsInformedBy(), content.registeredBy(),
                    item.registeredAt(), item.caseManagerId(), content.outcome(), item.version());
        }
    }

    /** A registration: the item, its pupil, and the warnings the registrant must see. */
    @Serdeable
    public record Registered(Item item, @Nullable PupilView pupil, List<String> warnings) {
    }

    /** A note with its author, the party that brought it in, the basis its author saw the pupil under and its category (provenance). */
    @Serdeable
    public record Note(long id, long itemId, String text, Disclosure writtenUnder, String author, String party,
                       @Nullable Instant createdAt, String category, WriterBasis writerBasis) {

        static Note of(AgendaContent.NoteView view) {
            AgendaNote n = view.note();
            return new Note(n.id(), n.itemId(), n.text(), n.writtenUnder(), view.author(), view.party(), n.createdAt(),
                    n.category(), n.writerBasis());
        }
    }

    /**
     * An agreed action. Its text is shown when the privacy kernel lets the caller read it (e.g. its owner,
     * the writer's party, whoever sees the pupil on a basis that covers it); others see that there is an
     * action, of which kind, whose it is and by when.
     */
    @Serdeable
    public record Action(long id,
                         long seriesId,
                         long meetingId,
                         @Nullable Long itemId,
                         MeetingAction.Kind kind,
                         @Nullable String what,
                         long ownerId,
                         String owner,
                         LocalDate dueOn,
                         @Nullable LocalDate doneOn,
                         boolean overdue,
                         @Nullable PupilView pupil) {

        static Action of(MeetingAction action, @Nullable PupilView pupil, String owner, boolean readable, LocalDate today) {
            return new Action(action.id(), action.seriesId(), action.meetingId(), action.itemId(), action.kind(),
                    readable ? action.what() : null, action.ownerId(), owner, action.dueOn(), action.doneOn(),
                    action.overdue(today), pupil);
        }
    }
}
