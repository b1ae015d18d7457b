package nl.casustafel.retention;

import nl.casustafel.platform.InputRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.Basis;
import nl.casustafel.privacy.DisclosureDecision;
import nl.casustafel.privacy.PupilReader;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Records and withdraws the closing decision of a case (art. 5.5). Only the party that holds the case
 * decides: school staff who see the pupil by enrolment at their own school, as the
 * {@link nl.casustafel.privacy.DisclosurePolicy} decides it. Whoever may not see the pupil gets a 404;
 * whoever sees it on another basis (consent, DUO report) gets a 403.
 */
@Singleton
public class ClosingService {

    private final ClosingDecisions decisions;
    private final PupilReader reader;
    private final RetentionPeriod period;
    private final Clock clock;

    public ClosingService(ClosingDecisions decisions, PupilReader reader, RetentionPeriod period, Clock clock) {
        this.decisions = decisions;
        this.reader = reader;
        this.period = period;
        this.clock = clock;
    }

    /** What the care coordinator fills in. */
    public record NewClosing(@Nullable ClosingReason reason, @Nullable LocalDate decidedOn) {
    }

    @Transactional
    public ClosingDecision close(Viewer viewer, long pupilId, NewClosing input) {
        requireHolder(viewer, pupilId);
        if (input.reason() == null) {
            throw new InvalidInputException("reason", "Kies de reden waarom het dossier wordt gesloten.");
        }
        if (input.decidedOn() == null) {
            throw new InvalidInputException("decidedOn", "Vul de datum van het afsluitbesluit in.");
        }
        if (input.decidedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("decidedOn", "De datum van het afsluitbesluit kan niet in de toekomst liggen.");
        }
        InputRules.requireDate("decidedOn", input.decidedOn(), LocalDate.now(clock), 0);
        lockPupil(pupilId);
        if (standing(pupilId).isPresent()) {
            throw new InvalidInputException("pupilId", "Het dossier van deze leerling is al gesloten. Heropen het eerst.");
        }
        decisions.add(pupilId, input.reason().name(), input.decidedOn(), period.destroyOn(input.decidedOn()), viewer.userId(),
                viewer.partyId());
        return standing(pupilId).orElseThrow();
    }

    /** Heropenen: the pupil turned up again before destruction; the data stays. */
    @Transactional
    public void reopen(Viewer viewer, long pupilId) {
        requireHolder(viewer, pupilId);
        lockPupil(pupilId);
        int withdrawn = decisions.withdraw(viewer.userId(), pupilId);
        if (withdrawn == 0) {
            throw new InvalidInputException("pupilId", "Het dossier van deze leerling is niet gesloten.");
        }
    }

    /** The standing decision, for the holder of the case; empty when the case is open. */
    @Transactional(readOnly = true)
    public Optional<ClosingDecision> of(Viewer viewer, long pupilId) {
        requireHolder(viewer, pupilId);
        return standing(pupilId);
    }

    /** Whether the viewer holds the case and so may close or reopen it (for views deciding what to show). */
    @Transactional(readOnly = true)
    public boolean holds(Viewer viewer, long pupilId) {
        return reader.decision(viewer, pupilId).map(d -> holds(viewer, d)).orElse(false);
    }

    private void requireHolder(Viewer viewer, long pupilId) {
        DisclosureDecision decision = reader.decision(viewer, pupilId).filter(DisclosureDecision::visible)
                .orElseThrow(() -> new HttpStatusException(HttpStatus.NOT_FOUND, "Leerling niet gevonden."));
        if (!holds(viewer, decision)) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN,
                    "Alleen de zorgcoördinator van de school van de leerling kan het dossier sluiten of heropenen.");
        }
    }

    private static boolean holds(Viewer viewer, DisclosureDecision decision) {
        return viewer.role().isSchoolStaff() && decision.identified() && decision.basis().kind() == Basis.Kind.ENROLMENT;
    }

    /** Serialises decisions, reopenings and destruction of one pupil. */
    private void lockPupil(long pupilId) {
        decisions.lockPupil(pupilId);
    }

    private Optional<ClosingDecision> standing(long pupilId) {
        return decisions.standing(pupilId);
    }
}
