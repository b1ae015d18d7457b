package nl.casustafel.absence;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * What an import (or its preview) found: rows read, accepted and rejected (each with its line and
 * Dutch reason), and of the accepted ones how many are new, changed or already there unchanged.
 * {@code written} is true only when the records were stored (no rejections, not a preview).
 */
@Serdeable
public record ImportReport(boolean written,
                           long rowsRead,
                           long accepted,
                           long added,
                           long changed,
                           long unchanged,
                           long pupils,
                           Map<AbsenceKind, Long> perKind,
                           long rejectedCount,
                           List<RejectedRow> rejected,
                           List<AbsenceRecord> sample) {

    /** A rejected row: its line in the file (or position in the batch) and why. */
    @Serdeable
    public record RejectedRow(long line, String reason) {
    }

    public boolean clean() {
        return rejectedCount == 0;
    }
}
