package nl.casustafel.meeting;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InputRules;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilView;

import static nl.casustafel.meeting.MeetingAccess.blankToNull;

/**
 * What participants write at an agenda item while the meeting is planned or held: notes (in a data
 * category, with their provenance) and the outcome with the case manager. Reading them is
 * {@link AgendaContent}'s, through the privacy kernel.
 */
@Singleton
public class AgendaNotes {

    private static final int NOTE_MAX = 2000;
    private static final int OUTCOME_MAX = 2000;

    private final MeetingAccess access;
    private final MeetingRepositories.AgendaItems items;
    private final MeetingRepositories.Notes notes;
    private final MeetingTables tables;
    private final AgendaContent content;
    private final ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed;

    AgendaNotes(MeetingAccess access, MeetingRepositories.AgendaItems items, MeetingRepositories.Notes notes, MeetingTables tables,
                AgendaContent content, ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed) {
        this.access = access;
        this.items = items;
        this.notes = notes;
        this.tables = tables;
        this.content = content;
        this.changed = changed;
    }

    @Transactional
    public AgendaNote addNote(Viewer viewer, long itemId, @Nullable String text) {
        return addNote(viewer, itemId, text, null);
    }

    /** A note in a data category the writer picks ({@code null}: the default for the writer's party); provenance recorded. */
    @Transactional
    public AgendaNote addNote(Viewer viewer, long itemId, @Nullable String text, @Nullable String category) {
        AgendaItem item = access.item(itemId);
        access.seenAtItem(viewer, item);
        access.requireActive(item);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > NOTE_MAX) {
            throw new InvalidInputException("text", "Schrijf een notitie van hooguit " + NOTE_MAX + " tekens.");
        }
        InputRules.requireText("text", body, NOTE_MAX);
        long seriesId = access.meeting(item.meetingId()).seriesId();
        ContentProvenance by = content.provenanceOfWriting(content.viewerAt(viewer, item, seriesId), category);
        AgendaNote note = notes.save(new AgendaNote(null, itemId, viewer.userId(), viewer.partyId(), by.writtenUnder(), body, null,
                by.category(), by.writerBasis(), by.basisId()));
        changed.publishEvent(new MeetingEvents.MeetingChanged(item.meetingId()));
        return note;
    }

    /** Saves outcome and case manager if nobody else saved in between; else tells the user to reload, keeping their text. */
    @Transactional
    public AgendaItem updateOutcome(Viewer viewer, long itemId, int expectedVersion, @Nullable String outcome,
                                    @Nullable Long caseManagerId) {
        AgendaItem item = access.item(itemId);
        PupilView pupil = access.seenAtItem(viewer, item);
        if (pupil.disclosure() != Disclosure.IDENTIFIED) {
            throw new InvalidInputException("outcome", "De uitkomst legt een deelnemer vast die de leerling herkenbaar ziet.");
        }
        if (item.version() != expectedVersion) {
            throw new InvalidInputException("outcome", "Iemand anders heeft de uitkomst intussen aangepast. Uw tekst staat nog in het veld; "
                    + "bekijk de nieuwe versie en sla opnieuw op.");
        }
        String text = InputRules.requireText("outcome", blankToNull(outcome, null), OUTCOME_MAX);
        if (text != null && text.length() > OUTCOME_MAX) {
            throw new InvalidInputException("outcome", "De uitkomst is te lang (hooguit " + OUTCOME_MAX + " tekens).");
        }
        long seriesId = access.meeting(item.meetingId()).seriesId();
        if (caseManagerId != null && !tables.sitsAt(seriesId, caseManagerId)) {
            throw new InvalidInputException("caseManagerId", "Kies als casusregisseur of procesbewaker een deelnemer aan dit overleg.");
        }
        ContentProvenance by = content.provenanceOfOutcome(content.viewerAt(viewer, item, seriesId));
        try {
            AgendaItem saved = items.update(item.withOutcome(text, caseManagerId, by));
            changed.publishEvent(new MeetingEvents.MeetingChanged(item.meetingId()));
            return saved;
        } catch (OptimisticLockException e) {
            throw new InvalidInputException("outcome", "Iemand anders heeft de uitkomst intussen aangepast. Bekijk de nieuwe versie en sla opnieuw op.");
        }
    }
}
