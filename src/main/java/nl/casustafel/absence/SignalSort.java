package nl.casustafel.absence;

import java.text.Collator;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the signal work list can be sorted: one key per column, either way. The screen, the API and the CSV share it. */
public final class SignalSort {

    private SignalSort() {
    }

    /** What a key compares, which decides how its directions are called in Dutch ("A–Z", "hoogste eerst"…). */
    public enum Kind { URGENCY, TEXT, NUMBER, DATE }

    public enum Key {
        /** Thresholds reached first, then the most unauthorised hours. */
        URGENCY(Kind.URGENCY, Comparator.comparing((SignalWorkList.Entry e) -> !e.signals().thresholdReached())
                .thenComparing(Comparator.comparingDouble((SignalWorkList.Entry e) -> e.signals().unauthorisedHours4Weeks()).reversed())),
        PUPIL(Kind.TEXT, Comparator.comparing((SignalWorkList.Entry e) -> e.pupil().label(),
                Comparator.nullsLast(Collator.getInstance(Locale.of("nl", "NL"))))),
        SCHOOL_YEAR(Kind.NUMBER, Comparator.comparing((SignalWorkList.Entry e) -> e.pupil().schoolYear(),
                Comparator.nullsLast(Comparator.naturalOrder()))),
        UNAUTHORISED(Kind.NUMBER, Comparator.comparingDouble(e -> e.signals().unauthorisedHours4Weeks())),
        SICK(Kind.NUMBER, Comparator.comparingInt(e -> e.signals().sickReports12Weeks())),
        LATE(Kind.NUMBER, Comparator.comparingInt(e -> e.signals().lateArrivals())),
        /** No open report first (the ones still to report), then the oldest report. */
        DUO_REPORT(Kind.DATE, Comparator.comparing(SignalWorkList.Entry::openDuoReport, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder())));

        private final Kind kind;
        private final Comparator<SignalWorkList.Entry> comparator;

        Key(Kind kind, Comparator<SignalWorkList.Entry> comparator) {
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

        Comparator<SignalWorkList.Entry> comparator() {
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

        public Comparator<SignalWorkList.Entry> comparator() {
            Comparator<SignalWorkList.Entry> first = descending ? key.comparator().reversed() : key.comparator();
            return first.thenComparing(Key.URGENCY.comparator()).thenComparing(Key.PUPIL.comparator())
                    .thenComparingLong(e -> e.pupil().pupilId());
        }
    }
}
