package nl.casustafel.plan;

import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import nl.casustafel.scaledown.CaseScaledDown;

/**
 * The afschaling contract: when a table scales a case down ({@link CaseScaledDown}, published after the
 * decision's commit), the plan van aanpak of that case is closed: read-only from then on, kept as a record.
 */
@Singleton
class PlanClosing {

    /** How the closing is recorded on the plan. */
    static final String SCALED_DOWN = "SCALED_DOWN";

    private final PlanWriter writer;

    PlanClosing(PlanWriter writer) {
        this.writer = writer;
    }

    @EventListener
    void onScaledDown(CaseScaledDown event) {
        writer.close(event.seriesId(), event.pupilId(), SCALED_DOWN, event.at());
    }
}
