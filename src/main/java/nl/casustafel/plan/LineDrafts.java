package nl.casustafel.plan;

import io.micronaut.core.annotation.Nullable;
import nl.casustafel.covenant.Parties;
import nl.casustafel.meeting.MeetingTables;
import nl.casustafel.platform.InputRules;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.ContentProvenance;

import java.time.LocalDate;

/** Checks one line a writer sends and makes it a {@link PlanLine} with the writer's provenance; Dutch refusals per field. */
final class LineDrafts {

    private final long seriesId;
    private final LocalDate today;
    private final MeetingTables tables;
    private final Parties parties;
    private final PlanNames names;

    LineDrafts(long seriesId, LocalDate today, MeetingTables tables, Parties parties, PlanNames names) {
        this.seriesId = seriesId;
        this.today = today;
        this.tables = tables;
        this.parties = parties;
        this.names = names;
    }

    PlanLine goal(PlanViews.GoalDraft draft, long unused, int version, ContentProvenance by) {
        String text = text("goalText", draft.text(), PlanWriter.TEXT_MAX, "Beschrijf het doel");
        return line(draft.key(), PlanLine.Kind.GOAL, text, null, null, null, null, null, null, false, version, by);
    }

    PlanLine intervention(PlanViews.InterventionDraft draft, @Nullable PlanLine stored, int version, ContentProvenance by) {
        if (draft.kind() == null) {
            throw new InvalidInputException("interventionKind", "Kies de soort interventie: onderwijs, jeugdhulp, thuissituatie of terugkeer in stappen.");
        }
        String text = text("description", draft.description(), PlanWriter.TEXT_MAX, "Beschrijf de interventie");
        Long party = draft.responsiblePartyId() != null ? draft.responsiblePartyId() : stored == null ? null : stored.responsiblePartyId();
        if (party == null || !parties.existsById(party)) {
            throw new InvalidInputException("responsiblePartyId", "Kies de partij die verantwoordelijk is voor deze interventie.");
        }
        Long user = draft.responsibleUserId() != null ? draft.responsibleUserId()
                : stored != null && draft.responsiblePartyId() == null ? stored.responsibleUserId() : null;
        if (user != null && (!tables.sitsAt(seriesId, user) || names.partyOf(user) != party)) {
            throw new InvalidInputException("responsibleUserId",
                    "Kies als verantwoordelijke persoon een deelnemer aan dit overleg die voor de verantwoordelijke partij werkt, of laat het leeg.");
        }
        if (draft.startsOn() == null) {
            throw new InvalidInputException("startsOn", "Vul de startdatum van de interventie in.");
        }
        if (draft.endsOn() == null) {
            throw new InvalidInputException("endsOn", "Vul de einddatum van de interventie in.");
        }
        InputRules.requireDate("startsOn", draft.startsOn(), today, PlanWriter.YEARS_AHEAD);
        InputRules.requireDate("endsOn", draft.endsOn(), today, PlanWriter.YEARS_AHEAD);
        if (draft.endsOn().isBefore(draft.startsOn())) {
            throw new InvalidInputException("endsOn", "De einddatum ligt vóór de startdatum.");
        }
        return line(draft.key(), PlanLine.Kind.INTERVENTION, text, draft.kind(), party, user, draft.startsOn(), draft.endsOn(), null, false,
                version, by);
    }

    PlanLine agreement(PlanViews.AgreementDraft draft, int version, ContentProvenance by) {
        if (draft.agreedOn() == null) {
            throw new InvalidInputException("agreedOn", "Vul de datum in waarop het plan met ouders en leerling is afgesproken.");
        }
        InputRules.requireDate("agreedOn", draft.agreedOn(), today, 0);
        String present = text("present", draft.present(), PlanWriter.PRESENT_MAX, "Noem wie bij de afspraak waren");
        return line(draft.key(), PlanLine.Kind.AGREEMENT, present, null, null, null, null, null, draft.agreedOn(), false, version, by);
    }

    PlanLine evaluation(PlanViews.EvaluationDraft draft, int version, ContentProvenance by) {
        if (draft.on() == null) {
            throw new InvalidInputException("evaluationOn", "Vul de datum van het evaluatiemoment in.");
        }
        InputRules.requireDate("evaluationOn", draft.on(), today, PlanWriter.YEARS_AHEAD);
        boolean done = Boolean.TRUE.equals(draft.done());
        String conclusion = draft.conclusion() == null || draft.conclusion().isBlank() ? null : draft.conclusion().strip();
        if (done && conclusion == null) {
            throw new InvalidInputException("conclusion", "Schrijf de conclusie van de evaluatie.");
        }
        if (conclusion != null) {
            InputRules.requireText("conclusion", conclusion, PlanWriter.TEXT_MAX);
        }
        if (done && draft.on().isAfter(today)) {
            throw new InvalidInputException("evaluationOn", "Een evaluatie in de toekomst kan nog niet gehouden zijn.");
        }
        return line(draft.key(), PlanLine.Kind.EVALUATION, conclusion, null, null, null, null, null, draft.on(), done, version, by);
    }

    private static String text(String field, @Nullable String text, int max, String ask) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidInputException(field, ask + " (hooguit " + max + " tekens).");
        }
        return InputRules.requireText(field, body, max);
    }

    private static PlanLine line(@Nullable Long key, PlanLine.Kind kind, @Nullable String text, @Nullable PlanLine.InterventionKind interventionKind,
                                 @Nullable Long party, @Nullable Long user, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
                                 @Nullable LocalDate onDate, boolean done, int version, ContentProvenance by) {
        return new PlanLine(null, 0, key == null ? 0 : key, kind, text, interventionKind, party, user, startsOn, endsOn, onDate, done, version,
                null, by.writerId(), by.providerPartyId(), by.writerBasis(), by.basisId(), by.category());
    }
}
