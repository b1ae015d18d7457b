package nl.casustafel.meeting;

import nl.casustafel.platform.NotFoundException;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InputRules;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.ContentProvenance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static nl.casustafel.meeting.MeetingAccess.blankToNull;

/**
 * Actions agreed at an agenda item and their follow-up: who does what by when, done by its owner,
 * and open actions coming back on every next meeting of the table until done.
 */
@Singleton
public class MeetingActions {

    private static final int WHAT_MAX = 500;

    private final MeetingAccess access;
    private final MeetingRepositories.Actions actions;
    private final MeetingTables tables;
    private final AgendaContent content;
    private final DuoReportFollowUp duoReports;
    private final ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed;
    private final Clock clock;

    MeetingActions(MeetingAccess access, MeetingRepositories.Actions actions, MeetingTables tables, AgendaContent content,
                   DuoReportFollowUp duoReports, ApplicationEventPublisher<MeetingEvents.MeetingChanged> changed, Clock clock) {
        this.access = access;
        this.actions = actions;
        this.tables = tables;
        this.content = content;
        this.duoReports = duoReports;
        this.changed = changed;
        this.clock = clock;
    }

    @Transactional
    public MeetingAction addAction(Viewer viewer, long itemId, @Nullable String what, @Nullable Long ownerId,
                                   @Nullable LocalDate dueOn, MeetingAction.Kind kind) {
        AgendaItem item = access.item(itemId);
        access.seenAtItem(viewer, item);
        access.requireActive(item);
        Meeting meeting = access.meeting(item.meetingId());
        MeetingSeries table = access.seriesOf(meeting);
        String text = InputRules.requireText("what", blankToNull(what, null), WHAT_MAX);
        if (text == null || text.length() > WHAT_MAX) {
            throw new InvalidInputException("what", "Beschrijf de afspraak in hooguit " + WHAT_MAX + " tekens.");
        }
        if (ownerId == null || !tables.sitsAt(table.id(), ownerId)) {
            throw new InvalidInputException("ownerId", "Kies wie de afspraak uitvoert: een deelnemer aan dit overleg.");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = InputRules.requireDate("dueOn", dueOn, today, MeetingController.ACTION_YEARS_AHEAD);
        if (kind == MeetingAction.Kind.DUO_REPORT) {
            due = duoReports.dueDate(table, ownerId, due);
        }
        if (due == null || due.isBefore(today)) {
            throw new InvalidInputException("dueOn", "Kies een datum vanaf vandaag waarop de afspraak klaar moet zijn.");
        }
        ContentProvenance by = content.provenanceOfAction(content.viewerAt(viewer, item, table.id()));
        MeetingAction action = actions.save(new MeetingAction(null, table.id(), meeting.id(), item.id(), item.pupilId(), kind, text,
                ownerId, due, null, viewer.userId(), null, by.providerPartyId(), by.writerBasis(), by.basisId(), by.category()));
        changed.publishEvent(new MeetingEvents.MeetingChanged(meeting.id()));
        return action;
    }

    @Transactional
    public MeetingAction complete(Viewer viewer, long actionId) {
        MeetingAction action = actions.findById(actionId)
                .filter(a -> a.ownerId() == viewer.userId() || tables.sitsAt(a.seriesId(), viewer.userId()))
                .orElseThrow(NotFoundException::new); // none, and not the viewer's table: one 404
        if (action.ownerId() != viewer.userId()) {
            throw new InvalidInputException("actionId", "Alleen wie de afspraak uitvoert, meldt haar af.");
        }
        if (action.kind() == MeetingAction.Kind.DUO_REPORT) {
            throw new InvalidInputException("actionId", "Deze afspraak is klaar zodra de DUO-melding is vastgelegd.");
        }
        if (!action.open()) {
            throw new InvalidInputException("actionId", "Deze afspraak is al afgerond.");
        }
        MeetingAction done = actions.update(action.doneOn(LocalDate.now(clock)));
        changed.publishEvent(new MeetingEvents.MeetingChanged(action.meetingId()));
        return done;
    }

    /** The viewer's open actions (home screen), earliest due first. */
    @Transactional(readOnly = true)
    public List<MeetingAction> openActionsOf(Viewer viewer) {
        return actions.findByOwnerIdAndDoneOnIsNullOrderByDueOn(viewer.userId());
    }

    /** Open actions of the table: they come back on every next meeting's agenda until done. */
    @Transactional(readOnly = true)
    public List<MeetingAction> openActionsAt(Viewer viewer, long seriesId) {
        access.requireParticipant(viewer, access.series(seriesId));
        return actions.findBySeriesIdAndDoneOnIsNullOrderByDueOn(seriesId);
    }
}
