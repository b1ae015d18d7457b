package nl.casustafel.absence;

import nl.casustafel.covenant.AbsenceThresholds;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * An absence export made up while it is read, never held whole: per pupil every lesson hour of
 * every school day from {@code from}, until {@code rows} rows. Counts the bytes handed out so far,
 * so a test can see how far the reader had got at any moment.
 */
public final class GeneratedAbsenceFile extends InputStream {

    private static final String[] KINDS = {"ZIEK", "ONGEOORLOOFD", "VERLOF", "GEOORLOOFD_OVERIG", "ZIEK", "ZIEK"};

    private final String brin;
    private final List<String> bsns;
    private final AbsenceThresholds calendar;
    private final int lastHour;
    private final long rows;
    private final String prefix;
    private long written;
    private long produced;
    private LocalDate day;
    private int pupil;
    private int hour = 1;
    private byte[] current = "registratie_id;brin;bsn;datum;lesuur;dagdeel;soort;uren;redencode\n".getBytes(StandardCharsets.UTF_8);
    private int position;

    public GeneratedAbsenceFile(String prefix, String brin, List<String> bsns, AbsenceThresholds calendar, int lastHour, LocalDate from, long rows) {
        this.prefix = prefix;
        this.brin = brin;
        this.bsns = bsns;
        this.calendar = calendar;
        this.lastHour = lastHour;
        this.rows = rows;
        this.day = calendar.isSchoolDay(from) ? from : calendar.nextSchoolDay(from);
    }

    /** Bytes handed to the reader so far. */
    public long bytesRead() {
        return produced;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        produced++;
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        produced += n;
        return n;
    }

    private boolean fill() {
        if (position < current.length) {
            return true;
        }
        if (written >= rows) {
            return false;
        }
        written++;
        String kind = KINDS[(int) (written % KINDS.length)];
        current = (prefix + written + ";" + brin + ";" + bsns.get(pupil) + ";" + day + ";" + hour + ";;" + kind + ";1;R" + (written % 7) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        position = 0;
        pupil++;
        if (pupil == bsns.size()) {
            pupil = 0;
            hour++;
            if (hour > lastHour) {
                hour = 1;
                day = calendar.nextSchoolDay(day);
            }
        }
        return true;
    }
}
