package nl.casustafel.absence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the accepted rows of an import add up to, counted while they stream past: per kind, the pupils
 * (at most a school's pupils), the dates they span and the first rows as a sample. Memory stays
 * bounded whatever the size of the file.
 */
final class AcceptedTally {

    private final int sampleSize;
    private final Map<AbsenceKind, Long> perKind = new EnumMap<>(AbsenceKind.class);
    private final Set<Long> pupils = new HashSet<>();
    private final List<AbsenceRecord> sample = new ArrayList<>();
    private long count;
    private LocalDate first;
    private LocalDate last;

    AcceptedTally(int sampleSize) {
        this.sampleSize = sampleSize;
    }

    void add(AbsenceRecord r) {
        count++;
        perKind.merge(r.kind(), 1L, Long::sum);
        pupils.add(r.pupilId());
        if (sample.size() < sampleSize) {
            sample.add(r);
        }
        if (first == null || r.date().isBefore(first)) {
            first = r.date();
        }
        if (last == null || r.date().isAfter(last)) {
            last = r.date();
        }
    }

    long count() {
        return count;
    }

    /** Earliest date of an accepted row; null when none was accepted. */
    LocalDate first() {
        return first;
    }

    LocalDate last() {
        return last;
    }

    /** The report of an import whose accepted rows were all new and all stored. */
    ImportReport allAdded(long rowsRead) {
        return new ImportReport(true, rowsRead, count, count, 0, 0, pupils.size(), Collections.unmodifiableMap(new EnumMap<>(perKind)), 0, List.of(), List.copyOf(sample));
    }
}
