package nl.casustafel.retention;

import java.time.LocalDate;

/**
 * How long after the closing decision the personal data may be kept: "uiterlijk binnen een jaar na het
 * besluit tot sluiting" (art. 9.2), read from {@code retention.destroyPersonalDataWithinMonthsAfterClosingDecision}.
 */
public record RetentionPeriod(int months) {

    public RetentionPeriod {
        if (months < 1) {
            throw new IllegalArgumentException("retention period must be at least one month");
        }
    }

    /** The day from which the data of a case closed on {@code decidedOn} is destroyed. */
    public LocalDate destroyOn(LocalDate decidedOn) {
        return decidedOn.plusMonths(months);
    }
}
