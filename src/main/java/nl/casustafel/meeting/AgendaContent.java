package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.Accounts;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.Party;
import nl.casustafel.covenant.Parties;
import nl.casustafel.privacy.ContentDecision;
import nl.casustafel.privacy.ContentPolicy;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.WithheldContent;
import nl.casustafel.privacy.WriterBasis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The case content of agenda items as one viewer may read it: notes, the outcome, the people named at
 * registration and the text of agreed actions, each decided by {@link ContentPolicy} from the
 * content's provenance, plus a notice of what is withheld and why (never its text or writer). Also
 * the provenance a writer gives new content. Every reader of agenda content (API, meeting screen,
 * minutes) goes through here; nothing else decides.
 */
@Singleton
public class AgendaContent {

    private final ContentPolicy policy;
    private final PupilReader reader;
    private final MeetingRepositories.Notes notes;
    private final Accounts users;
    private final Parties parties;

    AgendaContent(ContentPolicy policy, PupilReader reader, MeetingRepositories.Notes notes, Accounts users,
                  Parties parties) {
        this.policy = policy;
        this.reader = reader;
        this.notes = notes;
        this.users = users;
        this.parties = parties;
    }

    /** A note the viewer may read, with its author's name and party. */
    public record NoteView(AgendaNote note, String author, String party) {
    }

    /** The agenda item's content the viewer may read, and notices of what is withheld. */
    public record ItemContent(List<NoteView> notes,
                              @Nullable String outcome,
                              @Nullable String parentsInformedBy,
                              @Nullable Long registeredBy,
                              List<WithheldContent> withheld) {
    }

    /** The viewer as a reader of content about the item's pupil at the table. */
    public ContentViewer viewerAt(Viewer viewer, AgendaItem item, long seriesId) {
        return reader.contentViewer(viewer, item.pupilId(), seriesId);
    }

    /** Everything of the item the viewer may read; the viewer is a participant (checked by the caller). */
    public ItemContent read(Viewer viewer, AgendaItem item, long seriesId) {
        ContentViewer seen = viewerAt(viewer, item, seriesId);
        if (seen.disclosure() == Disclosure.NONE) {
            return read(seen, item, List.of(), null);
        }
        List<MeetingReads.NoteRow> rows = new ArrayList<>();
        for (AgendaNote note : notes.findByItemIdOrderById(item.id())) {
            Party party = parties.findById(note.authorPartyId()).orElse(null);
            rows.add(new MeetingReads.NoteRow(note, users.findById(note.authorId()).map(UserAccount::displayName).orElse("?"),
                    party == null ? "?" : party.name(), party == null ? null : party.type()));
        }
        Party outcomeParty = item.outcomePartyId() == null ? null : parties.findById(item.outcomePartyId()).orElse(null);
        return read(seen, item, rows, outcomeParty == null ? null : new MeetingReads.PartyRef(outcomeParty.name(), outcomeParty.type()));
    }

    /**
     * Everything of the item a reader may read, from notes already read with their authors and parties
     * ({@link MeetingReads}) and the outcome's party; {@code seen} is the viewer as the privacy kernel decided it for the item's pupil.
     */
    ItemContent read(ContentViewer seen, AgendaItem item, List<MeetingReads.NoteRow> notes, MeetingReads.@Nullable PartyRef outcomeParty) {
        if (seen.disclosure() == Disclosure.NONE) {
            return new ItemContent(List.of(), null, null, null, List.of()); // not even a count for whom the pupil is hidden
        }
        List<WithheldContent.Piece> withheld = new ArrayList<>();
        List<NoteView> readable = new ArrayList<>();
        for (MeetingReads.NoteRow row : notes) {
            AgendaNote note = row.note();
            ContentDecision decision = policy.decide(seen, note.provenance());
            if (decision.readable()) {
                readable.add(new NoteView(note, row.author(), row.partyName()));
            } else {
                withheld.add(new WithheldContent.Piece(WithheldContent.Kind.NOTE, partyLabel(seen, row.partyName(), row.partyType()), decision));
            }
        }
        String outcome = null;
        if (item.outcomeProvenance().isPresent()) {
            ContentProvenance provenance = item.outcomeProvenance().get();
            ContentDecision decision = policy.decide(seen, provenance);
            if (decision.readable()) {
                outcome = item.outcome();
            } else {
                withheld.add(new WithheldContent.Piece(WithheldContent.Kind.OUTCOME,
                        outcomeParty == null ? "?" : partyLabel(seen, outcomeParty.name(), outcomeParty.type()), decision));
            }
        }
        ContentDecision registration = policy.decide(seen, item.registrationProvenance(policy.registrationCategory()));
        return new ItemContent(readable, outcome, registration.readable() ? item.parentsInformedBy() : null,
                registration.readable() ? item.registeredBy() : null, WithheldContent.count(withheld));
    }

    /** Whether a reader, as the kernel decided it for the action's pupil at its table, may read the action's text. */
    boolean actionReadable(ContentViewer at, MeetingAction action) {
        return policy.decide(at, action.provenance()).readable();
    }

    /** Whether the viewer may read an action's text, at the action's table. */
    public boolean actionReadable(Viewer viewer, MeetingAction action) {
        ContentViewer at = action.pupilId() == null ? ContentViewer.withoutPupil(viewer)
                : reader.contentViewer(viewer, action.pupilId(), action.seriesId());
        return policy.decide(at, action.provenance()).readable();
    }

    /** The provenance of content the writer adds to the item now; {@code category} null gives the default for the writer. */
    ContentProvenance provenanceOfWriting(ContentViewer writer, @Nullable String category) {
        return ContentProvenance.of(writer.partyId(), writer.userId(), WriterBasis.of(writer), writer.basis().id(),
                policy.categoryForWriting(writer, category));
    }

    /** The provenance of an outcome or action (their category is fixed by the covenant file). */
    ContentProvenance provenanceOfOutcome(ContentViewer writer) {
        return ContentProvenance.of(writer.partyId(), writer.userId(), WriterBasis.of(writer), writer.basis().id(), policy.outcomeCategory());
    }

    ContentProvenance provenanceOfAction(ContentViewer writer) {
        return ContentProvenance.of(writer.partyId(), writer.userId(), WriterBasis.of(writer), writer.basis().id(), policy.actionCategory());
    }

    /** The categories the viewer may give a note on this item, code to Dutch label, and the one preselected. */
    public record NoteCategories(Map<String, String> choice, String preselected) {
    }

    public NoteCategories noteCategories(Viewer viewer, AgendaItem item, long seriesId) {
        ContentViewer writer = viewerAt(viewer, item, seriesId);
        return new NoteCategories(policy.categoriesFor(writer), policy.defaultCategory(writer));
    }

    /**
     * The providing party as a withheld notice names it: by name for a viewer who sees the pupil by name,
     * else only by its kind, since the name of a school or municipality can point to the pupil.
     */
    private static String partyLabel(ContentViewer seen, String partyName, @Nullable nl.casustafel.covenant.PartyType partyType) {
        if (partyType == null) {
            return "?";
        }
        if (seen.disclosure() == Disclosure.IDENTIFIED) {
            return partyName;
        }
        return switch (partyType) {
            case MUNICIPALITY -> "de gemeente";
            case SCHOOL_BOARD -> "de school";
            case PARTNERSHIP -> "het samenwerkingsverband";
            case YOUTH_HEALTH -> "de jeugdgezondheidszorg (CJG)";
            case YOUTH_CARE -> "de jeugdhulp";
        };
    }
}
