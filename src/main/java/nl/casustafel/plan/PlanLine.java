package nl.casustafel.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.WriterBasis;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a plan van aanpak in the plan versions {@code fromVersion} up to (not including) {@code toVersion}:
 * a goal (doel), an intervention (interventie) with its responsible party and period, the agreement with
 * parents and pupil (afspraak: date, who was there), or an evaluation moment (date, done, conclusion). A
 * line is case content: its provenance decides who reads it, through {@code privacy.ContentPolicy}; the
 * person responsible for an intervention reads it as its assignee (like an agreed action).
 */
@MappedEntity("plan_line")
public record PlanLine(@Id @GeneratedValue Long id,
                long planId,
                long lineKey,
                Kind kind,
                @Nullable String text,
                @Nullable InterventionKind interventionKind,
                @Nullable Long responsiblePartyId,
                @Nullable Long responsibleUserId,
                @Nullable LocalDate startsOn,
                @Nullable LocalDate endsOn,
                @Nullable LocalDate onDate,
                boolean done,
                int fromVersion,
                @Nullable Integer toVersion,
                long writerId,
                long writerPartyId,
                WriterBasis writerBasis,
                @Nullable Long writerBasisId,
                String category) {

    /** What a line of the plan is. */
    public enum Kind { GOAL, INTERVENTION, AGREEMENT, EVALUATION }

    /** The kinds of intervention the protocol names. */
    public enum InterventionKind {
        /** Onderwijs. */
        EDUCATION,
        /** Jeugdhulp. */
        YOUTH_CARE,
        /** Thuissituatie. */
        HOME,
        /** Terugkeer in stappen. */
        STEPWISE_RETURN
    }

    ContentProvenance provenance() {
        ContentProvenance of = ContentProvenance.of(writerPartyId, writerId, writerBasis, writerBasisId, category);
        return kind == Kind.INTERVENTION ? of.assignedTo(responsibleUserId) : of;
    }

    /** Whether the content differs from another line's (provenance and versions aside). */
    boolean sameContent(PlanLine other) {
        return kind == other.kind && Objects.equals(text, other.text) && interventionKind == other.interventionKind
                && Objects.equals(responsiblePartyId, other.responsiblePartyId) && Objects.equals(responsibleUserId, other.responsibleUserId)
                && Objects.equals(startsOn, other.startsOn) && Objects.equals(endsOn, other.endsOn)
                && Objects.equals(onDate, other.onDate) && done == other.done;
    }

    PlanLine closedIn(int version) {
        return new PlanLine(id, planId, lineKey, kind, text, interventionKind, responsiblePartyId, responsibleUserId, startsOn, endsOn,
                onDate, done, fromVersion, version, writerId, writerPartyId, writerBasis, writerBasisId, category);
    }
}
