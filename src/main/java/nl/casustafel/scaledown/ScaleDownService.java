package nl.casustafel.scaledown;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.InputRules;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.platform.NotFoundException;
import nl.casustafel.privacy.PupilFactsChanged;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.thuiszitter.ThuiszitterTimeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The table's decision to scale a case down (afschaling, covenant Bijlage 3.2/3.3): "de afsluiting van het
 * persoonsdossier door betrokken professionals met uitzondering van de school van inschrijving".
 * <p>
 * <b>Who decides.</b> The chair of the table records the table's decision (the procesregisseur of the SOT, the
 * samenwerkingsverband at the thuiszitterstafel), while seeing the pupil at the table by name or under the alias.
 * Another participant gets 403; whoever does not sit at the table, does not see the pupil there, or names an item
 * that is not on the meeting gets one 404.
 * <p>
 * <b>What follows.</b> In one transaction: the case row is marked ({@code series_case.scaled_down_*}), after which
 * {@code privacy.Seats} grants the seat only to the school of enrolment's party; every participant gets a notice;
 * with a reason that takes the pupil off the thuiszitter list the timeline is marked fully back. {@link CaseScaledDown}
 * is published in the transaction; features that close content on it listen with {@code @TransactionalEventListener},
 * so they act after the commit. No retention closing decision is recorded (covenant NOTES N37).
 */
@Singleton
public class ScaleDownService {

    static final int EXPLANATION_MAX = 500;

    private final ScaleDownRepository cases;
    private final PupilReader reader;
    private final ThuiszitterTimeline timeline;
    private final ApplicationEventPublisher<Object> events;
    private final Clock clock;

    ScaleDownService(ScaleDownRepository cases, PupilReader reader, ThuiszitterTimeline timeline, ApplicationEventPublisher<Object> events,
                     Clock clock) {
        this.cases = cases;
        this.reader = reader;
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    /** The decision as recorded. */
    @Serdeable
    public record Decision(ScaleDownReason reason, @Nullable String explanation, LocalDate decidedOn, boolean leftThuiszitterList) {
    }

    /** Whether the viewer may scale the item's case down now (the screen shows the action only then). */
    @Transactional(readOnly = true)
    public boolean mayScaleDown(Viewer viewer, long meetingId, long itemId) {
        return cases.itemCase(meetingId, itemId)
                .filter(c -> !c.scaledDown() && c.chairId() != null && c.chairId() == viewer.userId())
                .filter(c -> reader.decision(viewer, c.pupilId(), c.seriesId()).map(d -> d.visible()).orElse(false))
                .isPresent();
    }

    @Transactional
    public Decision scaleDown(Viewer viewer, long meetingId, long itemId, @Nullable ScaleDownReason reason, @Nullable String explanation) {
        ScaleDownRepository.ItemCase c = cases.itemCase(meetingId, itemId).orElseThrow(NotFoundException::new);
        if (!cases.sitsAt(c.seriesId(), viewer.userId())) {
            throw new NotFoundException();
        }
        reader.read(viewer, c.pupilId(), c.seriesId(), "overleg " + meetingId + ", afschaling").orElseThrow(NotFoundException::new);
        if (c.chairId() == null || c.chairId() != viewer.userId()) {
            throw new HttpStatusException(HttpStatus.FORBIDDEN, "Alleen de voorzitter van het overleg legt het besluit tot afschalen vast.");
        }
        if (reason == null) {
            throw new InvalidInputException("reason", "Kies de reden van afschalen: terug in het onderwijs, aan het werk, verhuisd of anders.");
        }
        String text = explanation == null || explanation.isBlank() ? null : explanation.strip();
        if (text != null) {
            InputRules.requireText("explanation", text, EXPLANATION_MAX);
        }
        if (reason == ScaleDownReason.OTHER && text == null) {
            throw new InvalidInputException("explanation", "Licht de reden 'anders' toe.");
        }
        if (cases.lockCase(c.seriesId(), c.pupilId())) {
            throw new InvalidInputException("itemId", "Deze casus is al afgeschaald.");
        }
        LocalDate today = LocalDate.now(clock);
        boolean leaves = timeline.leavesTheList(reason.name());
        if (leaves) {
            timeline.markFullyBack(viewer, c.seriesId(), c.pupilId(), today, "Afgeschaald: " + label(reason));
        }
        cases.scaleDown(c.seriesId(), c.pupilId(), reason.name(), text, viewer.userId(), today);
        cases.notifyParticipants(c.seriesId(), c.pupilId(), today);
        events.publishEvent(new CaseScaledDown(c.seriesId(), c.pupilId(), reason, viewer.userId(), Instant.now(clock)));
        events.publishEvent(new PupilFactsChanged(c.pupilId()));
        return new Decision(reason, text, today, leaves);
    }

    /** The Dutch label of a reason. */
    public static String label(ScaleDownReason reason) {
        return switch (reason) {
            case BACK_IN_EDUCATION -> "terug in het onderwijs";
            case IN_WORK -> "aan het werk";
            case MOVED -> "verhuisd";
            case OTHER -> "anders";
        };
    }
}
