package nl.casustafel.absence;

/**
 * The lesson hours and parts of day seen so far in one import, per pupil and date, to find a slot
 * recorded twice while the file streams. Each slot is one exact 64-bit key in an open-addressing
 * table: 16 MB for a million rows. Past {@link #LIMIT} slots it stops tracking and says so, and the
 * import asks PostgreSQL instead; memory stays bounded whatever the size of the file.
 */
final class LessonSlots {

    static final int LIMIT = 4_000_000;
    private static final int PART_OF_DAY_BASE = 17; // lesson hours are 1..16
    private static final long EMPTY = 0;

    private long[] table = new long[1 << 16];
    private int size;
    private boolean tracking = true;

    /** False once the file had more slots than are tracked, or a key that does not fit. */
    boolean tracking() {
        return tracking;
    }

    /** Adds the record's slot; true when that pupil already had this slot on this date in the file. */
    boolean seenBefore(AbsenceRecord r) {
        if (!tracking) {
            return false;
        }
        long day = r.date().toEpochDay();
        if (r.pupilId() <= 0 || r.pupilId() >= 1L << 40 || day < 0 || day >= 1 << 16 || size >= LIMIT) {
            tracking = false;
            table = null;
            return false;
        }
        int slot = r.lessonHour() != null ? r.lessonHour() : PART_OF_DAY_BASE + r.partOfDay().ordinal();
        long key = r.pupilId() << 22 | day << 6 | (long) slot << 1 | (r.kind() == AbsenceKind.LATE ? 1 : 0);
        if (size * 2 >= table.length) {
            grow();
        }
        if (!place(table, key)) {
            return true;
        }
        size++;
        return false;
    }

    /** Puts the key in the table; false when it was there already. */
    private static boolean place(long[] into, long key) {
        int mask = into.length - 1;
        int i = (int) mix(key) & mask;
        while (into[i] != EMPTY) {
            if (into[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        into[i] = key;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (long key : old) {
            if (key != EMPTY) {
                place(table, key);
            }
        }
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
