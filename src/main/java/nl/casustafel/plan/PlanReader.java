package nl.casustafel.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.ContentDecision;
import nl.casustafel.privacy.ContentPolicy;
import nl.casustafel.privacy.ContentViewer;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.WithheldContent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan van aanpak as one viewer may read it: every line and progress report decided by
 * {@link ContentPolicy} from its provenance, names shown as {@link PlanNames} allows, what is withheld
 * counted with its reason. A viewer who does not take part or does not see the pupil gets nothing (the
 * caller answers 404, the same as for a plan that does not exist).
 */
@Singleton
public class PlanReader {

    /** An evaluation moment shows as due this many days ahead. */
    static final int DUE_DAYS_AHEAD = 7;

    private final PlanAccess access;
    private final PlanRepositories.Plans plans;
    private final nl.casustafel.privacy.PupilReader pupils;
    private final PlanRepositories.Lines lines;
    private final PlanRepositories.Progress progress;
    private final PlanRepositories.Versions versions;
    private final ContentPolicy policy;
    private final PlanNames names;
    private final Clock clock;

    PlanReader(PlanAccess access, PlanRepositories.Plans plans, nl.casustafel.privacy.PupilReader pupils, PlanRepositories.Lines lines, PlanRepositories.Progress progress, PlanRepositories.Versions versions,
               ContentPolicy policy, PlanNames names, Clock clock) {
        this.access = access;
        this.plans = plans;
        this.pupils = pupils;
        this.lines = lines;
        this.progress = progress;
        this.versions = versions;
        this.policy = policy;
        this.names = names;
        this.clock = clock;
    }

    /** The plan of the case by the pupil's outside reference; empty when there is none or the viewer may not see it. */
    @Transactional
    public Optional<PlanViews.Plan> read(Viewer viewer, String ref, long seriesId) {
        PlanAccess.Case c = access.open(viewer, ref, seriesId);
        return c.plan().map(p -> view(viewer, c, p, null));
    }

    /** The plan of the case for the screens; empty when there is none. Not visible: {@code NotFoundException}. */
    @Transactional
    public Optional<PlanViews.Plan> read(Viewer viewer, long pupilId, long seriesId) {
        PlanAccess.Case c = access.open(viewer, pupilId, seriesId);
        return c.plan().map(p -> view(viewer, c, p, null));
    }

    /** For the meeting screen: the plan with only the progress reports since {@code since} (the previous meeting). */
    @Transactional
    public Optional<PlanViews.Plan> forMeeting(Viewer viewer, long pupilId, long seriesId, @Nullable Instant since) {
        if (!access.sees(viewer, pupilId, seriesId)) {
            return Optional.empty();
        }
        PlanAccess.Case c = access.open(viewer, pupilId, seriesId);
        return c.plan().map(p -> view(viewer, c, p, since == null ? Instant.EPOCH : since));
    }

    /** The versions of the plan, oldest first, with what changed as far as the viewer may read it. */
    @Transactional
    public Optional<List<PlanViews.Version>> versions(Viewer viewer, String ref, long seriesId) {
        PlanAccess.Case c = access.open(viewer, ref, seriesId);
        return c.plan().map(p -> versionsOf(c, p));
    }

    @Transactional
    public Optional<List<PlanViews.Version>> versions(Viewer viewer, long pupilId, long seriesId) {
        PlanAccess.Case c = access.open(viewer, pupilId, seriesId);
        return c.plan().map(p -> versionsOf(c, p));
    }

    /**
     * What the user's home screen lists: per open plan they coordinate or carry out an intervention of, the
     * evaluations due and interventions overdue that are theirs and that they may read, with the pupil at
     * their level. Plans of tables they left, or of pupils they no longer see, are left out.
     */
    @Transactional
    public List<PlanViews.HomeItem> dueFor(Viewer viewer) {
        List<PlanViews.HomeItem> items = new ArrayList<>();
        for (CasePlan plan : plans.openFor(viewer.userId())) {
            if (!access.sees(viewer, plan.pupilId(), plan.seriesId())) {
                continue;
            }
            ContentViewer seen = pupils.contentViewer(viewer, plan.pupilId(), plan.seriesId());
            List<PlanViews.Due> due = due(seen, lines.current(plan.id()), plan);
            if (due.isEmpty()) {
                continue;
            }
            pupils.read(viewer, plan.pupilId(), plan.seriesId(), "startscherm, plan van aanpak")
                    .ifPresent(pupil -> due.forEach(d -> items.add(new PlanViews.HomeItem(pupil, plan.seriesId(), d))));
        }
        items.sort(java.util.Comparator.comparing((PlanViews.HomeItem i) -> i.due().on()));
        return items;
    }

    PlanViews.Plan view(Viewer viewer, PlanAccess.Case c, CasePlan plan, @Nullable Instant progressSince) {
        ContentViewer seen = c.seen();
        List<WithheldContent.Piece> withheld = new ArrayList<>();
        List<PlanViews.Line> goals = new ArrayList<>();
        List<PlanViews.Line> interventions = new ArrayList<>();
        List<PlanViews.Line> evaluations = new ArrayList<>();
        PlanViews.Line agreement = null;
        List<PlanLine> current = lines.current(plan.id());
        for (PlanLine line : current) {
            ContentDecision decision = policy.decide(seen, line.provenance());
            if (!decision.readable()) {
                withheld.add(new WithheldContent.Piece(WithheldContent.Kind.PLAN_LINE, names.party(seen, line.writerPartyId()), decision));
                continue;
            }
            PlanViews.Line shown = line(seen, line);
            switch (line.kind()) {
                case GOAL -> goals.add(shown);
                case INTERVENTION -> interventions.add(shown);
                case EVALUATION -> evaluations.add(shown);
                case AGREEMENT -> agreement = shown;
            }
        }
        evaluations.sort(java.util.Comparator.comparing(PlanViews.Line::onDate));
        List<PlanViews.Progress> reports = new ArrayList<>();
        List<PlanProgress> written = progressSince == null ? progress.findByPlanIdOrderByWrittenAt(plan.id())
                : progress.findByPlanIdAndWrittenAtGreaterThanOrderByWrittenAt(plan.id(), progressSince);
        for (PlanProgress report : written) {
            ContentDecision decision = policy.decide(seen, report.provenance());
            if (decision.readable()) {
                reports.add(new PlanViews.Progress(report.id(), report.text(), report.writtenAt(), names.person(seen, report.writerId())));
            } else {
                withheld.add(new WithheldContent.Piece(WithheldContent.Kind.PROGRESS, names.party(seen, report.writerPartyId()), decision));
            }
        }
        List<PlanViews.Due> due = plan.closed() ? List.of() : due(seen, current, null);
        return new PlanViews.Plan(c.pupil(), c.table().id(), c.table().type().name(), names.participant(plan.coordinatorId()),
                c.identified() ? plan.coordinatorId() : null, plan.version(), plan.closed(), plan.closedReason(), plan.closedAt(),
                goals, interventions, agreement, evaluations, reports, due, WithheldContent.count(withheld),
                PlanWriter.mayWrite(viewer, c, plan, current));
    }

    /**
     * What is due in the plan for this viewer to read: evaluation moments not yet done up to a week ahead, and
     * interventions whose end date passed. With {@code forUser}, only those that user answers for: the
     * evaluations of the plan they coordinate, the interventions they carry out (or, without a person
     * named, that they coordinate).
     */
    List<PlanViews.Due> due(ContentViewer seen, List<PlanLine> current, @Nullable CasePlan forUserPlan) {
        LocalDate today = LocalDate.now(clock);
        List<PlanViews.Due> due = new ArrayList<>();
        for (PlanLine line : current) {
            if (!policy.decide(seen, line.provenance()).readable()) {
                continue;
            }
            boolean coordinator = forUserPlan == null || forUserPlan.coordinatorId() == seen.userId();
            if (line.kind() == PlanLine.Kind.EVALUATION && !line.done() && !line.onDate().isAfter(today.plusDays(DUE_DAYS_AHEAD)) && coordinator) {
                due.add(new PlanViews.Due(line.lineKey(), line.kind(), line.onDate(), line.onDate().isBefore(today), line.text()));
            }
            boolean carriesOut = forUserPlan == null || Objects.equals(line.responsibleUserId(), seen.userId())
                    || (line.responsibleUserId() == null && coordinator);
            if (line.kind() == PlanLine.Kind.INTERVENTION && line.endsOn() != null && line.endsOn().isBefore(today) && carriesOut) {
                due.add(new PlanViews.Due(line.lineKey(), line.kind(), line.endsOn(), true, line.text()));
            }
        }
        due.sort(java.util.Comparator.comparing(PlanViews.Due::on));
        return due;
    }

    private PlanViews.Line line(ContentViewer seen, PlanLine line) {
        boolean identified = seen.disclosure() == Disclosure.IDENTIFIED;
        return new PlanViews.Line(line.lineKey(), line.kind(), line.text(), line.interventionKind(),
                line.responsiblePartyId() == null ? null : names.party(seen, line.responsiblePartyId()),
                identified ? line.responsiblePartyId() : null,
                line.responsibleUserId() == null ? null : names.person(seen, line.responsibleUserId()),
                identified || Objects.equals(line.responsibleUserId(), seen.userId()) ? line.responsibleUserId() : null,
                line.startsOn(), line.endsOn(), line.onDate(), line.done(), names.person(seen, line.writerId()));
    }

    private List<PlanViews.Version> versionsOf(PlanAccess.Case c, CasePlan plan) {
        ContentViewer seen = c.seen();
        List<PlanLine> all = lines.all(plan.id());
        List<PlanViews.Version> result = new ArrayList<>();
        long coordinator = -1;
        for (PlanVersionRow row : versions.of(plan.id())) {
            int v = row.version();
            List<PlanViews.Change> changes = new ArrayList<>();
            List<WithheldContent.Piece> withheld = new ArrayList<>();
            if (row.coordinatorId() != coordinator) {
                changes.add(new PlanViews.Change((v == 1 ? "Plan opgesteld; coördinator: " : "Coördinator gewijzigd: ")
                        + names.participant(row.coordinatorId()), null, null));
                coordinator = row.coordinatorId();
            }
            for (PlanLine added : all) {
                if (added.fromVersion() != v) {
                    continue;
                }
                PlanLine before = all.stream().filter(l -> l.lineKey() == added.lineKey() && Objects.equals(l.toVersion(), v))
                        .findFirst().orElse(null);
                change(seen, before == null ? label(added.kind()) + " toegevoegd" : label(added.kind()) + " gewijzigd", added, before,
                        changes, withheld);
            }
            for (PlanLine removed : all) {
                if (Objects.equals(removed.toVersion(), v) && all.stream().noneMatch(l -> l.lineKey() == removed.lineKey() && l.fromVersion() == v)) {
                    change(seen, label(removed.kind()) + " verwijderd", null, removed, changes, withheld);
                }
            }
            result.add(new PlanViews.Version(v, row.changedAt(), names.person(seen, row.changedBy()), changes, WithheldContent.count(withheld)));
        }
        return result;
    }

    private void change(ContentViewer seen, String what, @Nullable PlanLine now, @Nullable PlanLine before, List<PlanViews.Change> changes,
                        List<WithheldContent.Piece> withheld) {
        PlanLine decidingLine = now != null ? now : before;
        ContentDecision decision = policy.decide(seen, decidingLine.provenance());
        if (!decision.readable()) {
            withheld.add(new WithheldContent.Piece(WithheldContent.Kind.PLAN_LINE, names.party(seen, decidingLine.writerPartyId()), decision));
            return;
        }
        boolean beforeReadable = before != null && policy.decide(seen, before.provenance()).readable();
        changes.add(new PlanViews.Change(what, now == null ? null : line(seen, now), beforeReadable ? line(seen, before) : null));
    }

    static String label(PlanLine.Kind kind) {
        return switch (kind) {
            case GOAL -> "Doel";
            case INTERVENTION -> "Interventie";
            case AGREEMENT -> "Afspraak met ouders en leerling";
            case EVALUATION -> "Evaluatiemoment";
        };
    }
}
