package nl.casustafel.absence;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the signal work list can be sorted: one key per column, either way. The screen, the API and the CSV share it.
 * The list is sorted before any pupil is read ({@link SignalWorkList.Candidate}: figures, the open DUO report, and
 * the pupil's position by name and school year from the privacy kernel), so that only the page shown is read.
 */
public final class SignalSort {

    private SignalSort() {
    }

    /** What a key compares, which decides how its directions are called in Dutch ("A–Z", "hoogste eerst"…). */
    public enum Kind { URGENCY, TEXT, NUMBER, DATE }

    public enum Key {
        /** Thresholds reached first, then the most unauthorised hours. */
        URGENCY(Kind.URGENCY, Comparator.comparing((SignalWorkList.Candidate c) -> !c.signals().thresholdReached())
                .thenComparing(Comparator.comparingDouble((SignalWorkList.Candidate c) -> c.signals().unauthorisedHours4Weeks()).reversed())),
        /** By name, as the kernel places the pupil among its own schools' pupils (Dutch collation). */
        PUPIL(Kind.TEXT, Comparator.comparingInt(SignalWorkList.Candidate::byName)),
        SCHOOL_YEAR(Kind.NUMBER, Comparator.comparingInt(SignalWorkList.Candidate::schoolYear)),
        UNAUTHORISED(Kind.NUMBER, Comparator.comparingDouble(c -> c.signals().unauthorisedHours4Weeks())),
        SICK(Kind.NUMBER, Comparator.comparingInt(c -> c.signals().sickReports12Weeks())),
        LATE(Kind.NUMBER, Comparator.comparingInt(c -> c.signals().lateArrivals())),
        /** No open report first (the ones still to report), then the oldest report. */
        DUO_REPORT(Kind.DATE, Comparator.comparing(SignalWorkList.Candidate::openDuoReport, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())));

        private final Kind kind;
        private final Comparator<SignalWorkList.Candidate> comparator;

        Key(Kind kind, Comparator<SignalWorkList.Candidate> comparator) {
            this.kind = kind;
            this.comparator = comparator;
        }

        public Kind kind() {
            return kind;
        }

        /** The key as the API names it: {@code pupil}, {@code schoolYear}, {@code duoReport}… */
        public String apiName() {
            String[] words = name().toLowerCase(Locale.ROOT).split("_");
            StringBuilder s = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                s.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return s.toString();
        }

        public static Optional<Key> byApiName(String name) {
            return Arrays.stream(values()).filter(k -> k.apiName().equalsIgnoreCase(name)).findFirst();
        }

        Comparator<SignalWorkList.Candidate> comparator() {
            return comparator;
        }
    }

    /** A key and a direction; ties are broken by urgency, then by pupil, so the order is stable. */
    public record Order(Key key, boolean descending) {

        public static final Order URGENT_FIRST = new Order(Key.URGENCY, false);

        /** Every order the screen offers, each key ascending then descending. */
        public static List<Order> all() {
            return Arrays.stream(Key.values()).flatMap(k -> java.util.stream.Stream.of(new Order(k, false), new Order(k, true))).toList();
        }

        Comparator<SignalWorkList.Candidate> comparator() {
            Comparator<SignalWorkList.Candidate> first = descending ? key.comparator().reversed() : key.comparator();
            return first.thenComparing(Key.URGENCY.comparator()).thenComparing(Key.PUPIL.comparator())
                    .thenComparingLong(SignalWorkList.Candidate::pupilId);
        }
    }
}
