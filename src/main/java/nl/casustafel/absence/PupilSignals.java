package nl.casustafel.absence;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A pupil's absence figures on a day (unauthorised hours in the last 4 school weeks, sick reports in
 * the last 12 school weeks, late arrivals this school year) and the signals they give.
 */
@Serdeable
public record PupilSignals(long pupilId,
                           boolean hasRecords,
                           double unauthorisedHours4Weeks,
                           int sickReports12Weeks,
                           int lateArrivals,
                           List<Signal> signals) {

    public PupilSignals {
        signals = List.copyOf(signals);
    }

    /** Some threshold is reached (DUO report, m@zl, absolute absence). */
    public boolean thresholdReached() {
        return signals.stream().anyMatch(s -> s.type().thresholdReached());
    }

    /** Worrying, but below every threshold: a verzuimoverleg candidate. */
    public boolean belowThreshold() {
        return !thresholdReached() && signals.stream().anyMatch(s -> s.type() == Signal.Type.BEGINNING_ABSENCE);
    }
}
