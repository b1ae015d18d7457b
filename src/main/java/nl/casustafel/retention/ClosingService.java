package nl.casustafel.retention;

import nl.casustafel.platform.InputRules;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.Basis;
import nl.casustafel.privacy.DisclosureDecision;
import nl.casustafel.privacy.PupilReader;

import java.sql.Date;
import java.sql.ResultSet;
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

    private final JdbcOperations jdbc;
    private final PupilReader reader;
    private final RetentionPeriod period;
    private final Clock clock;

    public ClosingService(JdbcOperations jdbc, PupilReader reader, RetentionPeriod period, Clock clock) {
        this.jdbc = jdbc;
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
        jdbc.prepareStatement("""
                INSERT INTO closing_decision (pupil_id, reason, decided_on, destroy_on, decided_by, decided_by_party)
                VALUES (?, ?, ?, ?, ?, ?)
                """, st -> {
            st.setLong(1, pupilId);
            st.setString(2, input.reason().name());
            st.setDate(3, Date.valueOf(input.decidedOn()));
            st.setDate(4, Date.valueOf(period.destroyOn(input.decidedOn())));
            st.setLong(5, viewer.userId());
            st.setLong(6, viewer.partyId());
            return st.executeUpdate();
        });
        return standing(pupilId).orElseThrow();
    }

    /** Heropenen: the pupil turned up again before destruction; the data stays. */
    @Transactional
    public void reopen(Viewer viewer, long pupilId) {
        requireHolder(viewer, pupilId);
        lockPupil(pupilId);
        int withdrawn = jdbc.prepareStatement("""
                UPDATE closing_decision SET withdrawn_at = now(), withdrawn_by = ? WHERE pupil_id = ? AND withdrawn_at IS NULL
                """, st -> {
            st.setLong(1, viewer.userId());
            st.setLong(2, pupilId);
            return st.executeUpdate();
        });
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
        jdbc.prepareStatement("SELECT id FROM pupil WHERE id = ? FOR UPDATE", st -> {
            st.setLong(1, pupilId);
            return st.executeQuery().next();
        });
    }

    private Optional<ClosingDecision> standing(long pupilId) {
        return jdbc.prepareStatement("""
                SELECT d.*, u.display_name, p.name AS party_name FROM closing_decision d
                  JOIN user_account u ON u.id = d.decided_by JOIN party p ON p.id = d.decided_by_party
                 WHERE d.pupil_id = ? AND d.withdrawn_at IS NULL
                """, st -> {
            st.setLong(1, pupilId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ClosingDecision(rs.getLong("id"), pupilId, ClosingReason.valueOf(rs.getString("reason")),
                        rs.getDate("decided_on").toLocalDate(), rs.getDate("destroy_on").toLocalDate(), rs.getLong("decided_by"),
                        rs.getString("display_name"), rs.getLong("decided_by_party"), rs.getString("party_name")));
            }
        });
    }
}
