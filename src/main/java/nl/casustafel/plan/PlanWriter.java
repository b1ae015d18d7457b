package nl.casustafel.plan;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.covenant.Parties;
import nl.casustafel.meeting.MeetingEvents;
import nl.casustafel.meeting.MeetingTables;
import nl.casustafel.platform.InputRules;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.ContentPolicy;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.WriterBasis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes plans van aanpak: a new plan or a new version of one ({@link #save}), progress reports, and the
 * closing after afschaling. Who writes: the coordinator (casusregisseur / procesbewaker), the chair of the
 * table, and the participants whose party (or who themselves) carry out an intervention of the plan; any
 * participant who sees the pupil may draw up the first plan. Each writes at their own level: what someone
 * who sees the pupil under its alias writes carries that basis and stays with the alias (like a note). A
 * refusal is an {@link InvalidInputException} in Dutch, and nothing is written.
 */
@Singleton
public class PlanWriter {

    static final int TEXT_MAX = 1000;
    static final int PRESENT_MAX = 500;
    static final int PROGRESS_MAX = 2000;
    static final int YEARS_AHEAD = 3;

    private final PlanAccess access;
    private final PlanRepositories.Plans plans;
    private final PlanRepositories.Lines lines;
    private final PlanRepositories.Progress progress;
    private final PlanRepositories.Versions versions;
    private final PlanReader reader;
    private final ContentPolicy policy;
    private final MeetingTables tables;
    private final Parties parties;
    private final PlanNames names;
    private final ApplicationEventPublisher<MeetingEvents.CaseContentChanged> changed;
    private final Clock clock;

    PlanWriter(PlanAccess access, PlanRepositories.Plans plans, PlanRepositories.Lines lines, PlanRepositories.Progress progress,
               PlanRepositories.Versions versions, PlanReader reader, ContentPolicy policy, MeetingTables tables, Parties parties,
               PlanNames names, ApplicationEventPublisher<MeetingEvents.CaseContentChanged> changed, Clock clock) {
        this.access = access;
        this.plans = plans;
        this.lines = lines;
        this.progress = progress;
        this.versions = versions;
        this.reader = reader;
        this.policy = policy;
        this.tables = tables;
        this.parties = parties;
        this.names = names;
        this.changed = changed;
        this.clock = clock;
    }

    @Transactional
    public PlanViews.Plan save(Viewer viewer, String ref, long seriesId, PlanViews.Draft draft) {
        return save(viewer, access.open(viewer, ref, seriesId), draft);
    }

    @Transactional
    public PlanViews.Plan save(Viewer viewer, long pupilId, long seriesId, PlanViews.Draft draft) {
        return save(viewer, access.open(viewer, pupilId, seriesId), draft);
    }

    @Transactional
    public PlanViews.Plan addProgress(Viewer viewer, String ref, long seriesId, @Nullable String text, @Nullable String category) {
        return addProgress(viewer, access.open(viewer, ref, seriesId), text, category);
    }

    @Transactional
    public PlanViews.Plan addProgress(Viewer viewer, long pupilId, long seriesId, @Nullable String text, @Nullable String category) {
        return addProgress(viewer, access.open(viewer, pupilId, seriesId), text, category);
    }

    /** Closes the plan of a case the table scaled down: read-only afterwards, kept as a record. Nothing when there is none. */
    @Transactional
    public void close(long seriesId, long pupilId, String reason, Instant at) {
        plans.findBySeriesIdAndPupilId(seriesId, pupilId).filter(p -> !p.closed())
                .ifPresent(p -> {
                    plans.update(p.closedBy(reason, at));
                    changed.publishEvent(new MeetingEvents.CaseContentChanged(pupilId));
                });
    }

    /** Whether the viewer may change the plan and report progress on it (see the class comment). */
    static boolean mayWrite(Viewer viewer, PlanAccess.Case c, CasePlan plan, List<PlanLine> current) {
        if (plan.closed()) {
            return false;
        }
        return plan.coordinatorId() == viewer.userId() || Objects.equals(c.table().chairId(), viewer.userId())
                || current.stream().anyMatch(l -> l.kind() == PlanLine.Kind.INTERVENTION
                && (Objects.equals(l.responsibleUserId(), viewer.userId()) || Objects.equals(l.responsiblePartyId(), viewer.partyId())));
    }

    private PlanViews.Plan save(Viewer viewer, PlanAccess.Case c, PlanViews.Draft draft) {
        if (!PlanAccess.keepsPlans(c.table().type())) {
            throw new InvalidInputException("seriesId", "Dit overleg houdt geen plan van aanpak bij.");
        }
        CasePlan plan = c.plan().orElse(null);
        List<PlanLine> current = plan == null ? List.of() : lines.current(plan.id());
        if (plan != null) {
            requireWritable(viewer, c, plan, current);
            if (draft.version() != null && draft.version() != plan.version()) {
                throw new InvalidInputException("version", "Iemand anders heeft het plan intussen aangepast (nu versie " + plan.version()
                        + "). Laad het plan opnieuw en breng uw wijziging opnieuw aan.");
            }
        }
        Long coordinator = draft.coordinatorId() != null ? draft.coordinatorId() : plan == null ? null : plan.coordinatorId();
        if (coordinator == null || !tables.sitsAt(c.table().id(), coordinator)) {
            throw new InvalidInputException("coordinatorId", "Kies als casusregisseur of procesbewaker een deelnemer aan dit overleg.");
        }
        if (plan == null && (draft.goals() == null || draft.goals().isEmpty())) {
            throw new InvalidInputException("goalText", "Een plan van aanpak begint met ten minste één doel. Beschrijf het eerste doel.");
        }
        int version = plan == null ? 1 : plan.version() + 1;
        ContentViewer seen = c.seen();
        ContentProvenance by = ContentProvenance.of(seen.partyId(), seen.userId(), WriterBasis.of(seen), seen.basis().id(),
                policy.actionCategory());
        List<PlanLine> readable = current.stream().filter(l -> policy.decide(seen, l.provenance()).readable()).toList();
        Changes changes = new Changes();
        LineDrafts drafts = new LineDrafts(c.table().id(), LocalDate.now(clock), tables, parties, names);
        requireNoNulls(draft);
        if (draft.goals() != null) {
            merge(changes, readable, PlanLine.Kind.GOAL, draft.goals().stream().map(g -> drafts.goal(g, 0L, version, by)).toList());
        }
        if (draft.interventions() != null) {
            merge(changes, readable, PlanLine.Kind.INTERVENTION,
                    draft.interventions().stream().map(i -> drafts.intervention(i, stored(readable, i.key()), version, by)).toList());
        }
        if (draft.agreement() != null) {
            Long key = draft.agreement().key() != null ? draft.agreement().key()
                    : readable.stream().filter(l -> l.kind() == PlanLine.Kind.AGREEMENT).map(PlanLine::lineKey).findFirst().orElse(null);
            PlanLine agreement = drafts.agreement(draft.agreement(), version, by);
            List<PlanLine> agreements = new ArrayList<>(readable.stream().filter(l -> l.kind() == PlanLine.Kind.AGREEMENT && !Objects.equals(l.lineKey(), key))
                    .map(l -> l).toList());
            agreements.add(withKey(agreement, key));
            merge(changes, readable, PlanLine.Kind.AGREEMENT, agreements);
        }
        if (draft.evaluations() != null) {
            merge(changes, readable, PlanLine.Kind.EVALUATION, draft.evaluations().stream().map(e -> drafts.evaluation(e, version, by)).toList());
        }
        boolean newCoordinator = plan == null || plan.coordinatorId() != coordinator;
        if (plan != null && changes.isEmpty() && !newCoordinator) {
            return reader.view(viewer, c, plan, null); // nothing changed: no new version
        }
        CasePlan saved = plan == null
                ? plans.save(new CasePlan(null, c.table().id(), c.pupilId(), coordinator, 1, null, null, Instant.now(clock)))
                : plans.update(plan.next(coordinator));
        versions.record(saved.id(), saved.version(), viewer.userId(), viewer.partyId(), coordinator);
        changes.closed.forEach(l -> lines.update(l.closedIn(saved.version())));
        changes.added.forEach(l -> lines.save(new PlanLine(null, saved.id(), l.lineKey() == 0 ? lines.nextKey() : l.lineKey(), l.kind(), l.text(),
                l.interventionKind(), l.responsiblePartyId(), l.responsibleUserId(), l.startsOn(), l.endsOn(), l.onDate(), l.done(),
                saved.version(), null, l.writerId(), l.writerPartyId(), l.writerBasis(), l.writerBasisId(), l.category())));
        changed.publishEvent(new MeetingEvents.CaseContentChanged(c.pupilId()));
        return reader.view(viewer, new PlanAccess.Case(c.pupil(), seen, c.table(), java.util.Optional.of(saved)), saved, null);
    }

    /** A list with an empty place in it (possible through the screens' own code only by mistake) is refused, not a 500. */
    private static void requireNoNulls(PlanViews.Draft draft) {
        for (List<?> list : java.util.Arrays.asList(draft.goals(), draft.interventions(), draft.evaluations())) {
            if (list != null && list.stream().anyMatch(Objects::isNull)) {
                throw new InvalidInputException("plan", "Een onderdeel van het plan is leeg. Vul het in of laat het weg.");
            }
        }
    }

    private PlanViews.Plan addProgress(Viewer viewer, PlanAccess.Case c, @Nullable String text, @Nullable String category) {
        CasePlan plan = c.plan().orElseThrow(nl.casustafel.platform.NotFoundException::new);
        requireWritable(viewer, c, plan, lines.current(plan.id()));
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("text", "Schrijf een kort voortgangsbericht (hooguit " + PROGRESS_MAX + " tekens).");
        }
        InputRules.requireText("text", body, PROGRESS_MAX);
        ContentViewer seen = c.seen();
        String code = policy.categoryForWriting(seen, category);
        progress.save(new PlanProgress(null, plan.id(), body, null, seen.userId(), seen.partyId(), WriterBasis.of(seen), seen.basis().id(), code));
        changed.publishEvent(new MeetingEvents.CaseContentChanged(c.pupilId()));
        return reader.view(viewer, c, plan, null);
    }

    private static void requireWritable(Viewer viewer, PlanAccess.Case c, CasePlan plan, List<PlanLine> current) {
        if (plan.closed()) {
            throw new InvalidInputException("plan", "Dit plan is afgesloten (afschaling) en blijft alleen bewaard; wijzigen kan niet meer.");
        }
        if (!mayWrite(viewer, c, plan, current)) {
            throw new InvalidInputException("plan", "Het plan wijzigen en voortgang melden doen de casusregisseur of procesbewaker, "
                    + "de voorzitter en wie verantwoordelijk is voor een interventie.");
        }
    }

    /** The lines added and closed by one save. */
    private static final class Changes {
        final List<PlanLine> added = new ArrayList<>();
        final List<PlanLine> closed = new ArrayList<>();

        boolean isEmpty() {
            return added.isEmpty() && closed.isEmpty();
        }
    }

    /**
     * Replaces the readable lines of one kind by the wanted ones: a wanted line with the key of a readable line
     * changes it (when its content differs), one without key is new, a readable line not wanted is removed.
     * A key that is not of a readable line of this kind is refused: the writer cannot change what they cannot read.
     */
    private static void merge(Changes changes, List<PlanLine> readable, PlanLine.Kind kind, List<PlanLine> wanted) {
        List<PlanLine> ofKind = readable.stream().filter(l -> l.kind() == kind).toList();
        for (PlanLine w : wanted) {
            if (w.lineKey() == 0) {
                changes.added.add(w);
                continue;
            }
            PlanLine old = ofKind.stream().filter(l -> l.lineKey() == w.lineKey()).findFirst()
                    .orElseThrow(() -> new InvalidInputException("key", "Dit onderdeel van het plan bestaat niet (meer). Laad het plan opnieuw."));
            if (old == w) {
                continue; // kept as it is (an agreement not touched)
            }
            if (!old.sameContent(w)) {
                changes.closed.add(old);
                changes.added.add(w);
            }
        }
        for (PlanLine old : ofKind) {
            if (wanted.stream().noneMatch(w -> w.lineKey() == old.lineKey())) {
                changes.closed.add(old);
            }
        }
    }

    private static @Nullable PlanLine stored(List<PlanLine> readable, @Nullable Long key) {
        return key == null ? null : readable.stream().filter(l -> l.lineKey() == key).findFirst().orElse(null);
    }

    static PlanLine withKey(PlanLine l, @Nullable Long key) {
        return new PlanLine(null, 0, key == null ? 0 : key, l.kind(), l.text(), l.interventionKind(), l.responsiblePartyId(), l.responsibleUserId(),
                l.startsOn(), l.endsOn(), l.onDate(), l.done(), l.fromVersion(), null, l.writerId(), l.writerPartyId(), l.writerBasis(),
                l.writerBasisId(), l.category());
    }
}
