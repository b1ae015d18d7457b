package nl.casustafel.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.privacy.WithheldContent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan van aanpak as one viewer may read it, and what a writer sends. Every line, report and name in
 * here passed the privacy kernel for that viewer; what it withholds is counted in {@code withheld}
 * (kind, party as the viewer may know it, reason), never shown.
 */
public final class PlanViews {

    private PlanViews() {
    }

    /**
     * The plan at the viewer's level. {@code pupil} is the viewer's {@link PupilView}; names of parties and
     * people are given by kind ("de school") to a viewer who sees the pupil under its alias, and ids of
     * parties and people only to a viewer who sees it by name.
     */
    @Serdeable
    public record Plan(PupilView pupil,
                       long seriesId,
                       String tableType,
                       String coordinator,
                       @Nullable Long coordinatorId,
                       int version,
                       boolean closed,
                       @Nullable String closedReason,
                       @Nullable Instant closedAt,
                       List<Line> goals,
                       List<Line> interventions,
                       @Nullable Line agreement,
                       List<Line> evaluations,
                       List<Progress> progress,
                       List<Due> due,
                       List<WithheldContent> withheld,
                       boolean mayWrite) {
    }

    /** One readable line: a goal, intervention, agreement or evaluation moment. */
    @Serdeable
    public record Line(long key,
                       PlanLine.Kind kind,
                       @Nullable String text,
                       @Nullable PlanLine.InterventionKind interventionKind,
                       @Nullable String responsibleParty,
                       @Nullable Long responsiblePartyId,
                       @Nullable String responsibleUser,
                       @Nullable Long responsibleUserId,
                       @Nullable LocalDate startsOn,
                       @Nullable LocalDate endsOn,
                       @Nullable LocalDate onDate,
                       boolean done,
                       String writtenBy) {
    }

    /** A readable progress report. */
    @Serdeable
    public record Progress(long id, String text, Instant writtenAt, String writtenBy) {
    }

    /** Something of the plan that is due or overdue: an evaluation moment or an intervention past its end date. */
    @Serdeable
    public record Due(long key, PlanLine.Kind kind, LocalDate on, boolean overdue, @Nullable String text) {
    }

    /** One version: who changed the plan and when, and what changed as far as the viewer may read it. */
    @Serdeable
    public record Version(int version, Instant at, String by, List<Change> changes, List<WithheldContent> withheld) {
    }

    /** A line added, changed or removed in a version; {@code line} is the new content, {@code before} the old. */
    @Serdeable
    public record Change(String what, @Nullable Line line, @Nullable Line before) {
    }

    /** An item on the home screen: a due evaluation or overdue intervention of a plan the user coordinates or carries out. */
    public record HomeItem(PupilView pupil, long seriesId, Due due) {
    }

    // ------------------------------------------------------------------------------------- drafts

    /**
     * A writer's plan. A list left out (null) keeps those lines as they are; a list given replaces the lines
     * of that kind the writer may read (lines the writer may not read are kept, untouched). A line with a
     * {@code key} changes that line; without, it is new. {@code version}: the version the writer saw.
     */
    @Serdeable
    public record Draft(@Nullable Integer version,
                        @Nullable Long coordinatorId,
                        @Nullable @Size(max = 100) List<@NotNull GoalDraft> goals,
                        @Nullable @Size(max = 100) List<@NotNull InterventionDraft> interventions,
                        @Nullable AgreementDraft agreement,
                        @Nullable @Size(max = 100) List<@NotNull EvaluationDraft> evaluations) {
    }

    @Serdeable
    public record GoalDraft(@Nullable Long key, @Nullable String text) {
    }

    /** A null responsible party or person on an existing line keeps the stored one. */
    @Serdeable
    public record InterventionDraft(@Nullable Long key, @Nullable PlanLine.InterventionKind kind, @Nullable String description,
                                    @Nullable Long responsiblePartyId, @Nullable Long responsibleUserId,
                                    @Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
    }

    @Serdeable
    public record AgreementDraft(@Nullable Long key, @Nullable LocalDate agreedOn, @Nullable String present) {
    }

    @Serdeable
    public record EvaluationDraft(@Nullable Long key, @Nullable LocalDate on, @Nullable Boolean done, @Nullable String conclusion) {
    }
}
