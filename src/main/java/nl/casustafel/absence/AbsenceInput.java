package nl.casustafel.absence;

import io.micronaut.core.annotation.Nullable;

/**
 * One absence record as a school delivers it, not yet checked: a row of the CSV export or an item
 * of an API batch. {@code line} is the CSV line number or the batch position (1-based).
 */
public record AbsenceInput(long line,
                           @Nullable String recordId,
                           @Nullable String brin,
                           @Nullable String bsn,
                           @Nullable String date,
                           @Nullable String lessonHour,
                           @Nullable String partOfDay,
                           @Nullable String kind,
                           @Nullable String hours,
                           @Nullable String reasonCode) {
}
