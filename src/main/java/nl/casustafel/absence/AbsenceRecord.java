package nl.casustafel.absence;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A checked absence record, ready to store; {@code line} says where it came from. */
@Serdeable
public record AbsenceRecord(long line,
                            long schoolId,
                            String recordId,
                            long pupilId,
                            LocalDate date,
                            @Nullable Integer lessonHour,
                            @Nullable PartOfDay partOfDay,
                            AbsenceKind kind,
                            BigDecimal hours,
                            HourUnit unit,
                            @Nullable String reasonCode) {

    /** PO counts clock hours, VO and MBO lesson hours. */
    public enum HourUnit { CLOCK_HOUR, LESSON_HOUR }
}
