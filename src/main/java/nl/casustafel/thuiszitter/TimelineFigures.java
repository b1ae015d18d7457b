package nl.casustafel.thuiszitter;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.covenant.ThuiszitterTerms;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * What the table sees of a timeline: days out of school, weeks without exemption, the day a suitable offer
 * was found and the days to it, the day fully back, and the signals the covenant's terms raise. A pure
 * function of the entries, the terms and today, so that a test can craft the dates.
 * <ul>
 * <li><b>THUISZITTER</b>: not fully back, and out of school without exemption for at least
 *     {@code thuiszitterAfterWeeksWithoutExemption} weeks (days counted once where periods overlap);</li>
 * <li><b>ESCALATION</b>: not fully back, no suitable offer found, and the first day out of school lies
 *     {@code escalateAfterMonthsWithoutOffer} months or more back: the case is due to {@code escalateTo}.</li>
 * </ul>
 */
@Serdeable
public record TimelineFigures(@Nullable LocalDate registeredOn,
                              @Nullable LocalDate firstDayOut,
                              int daysOutOfSchool,
                              int daysWithoutExemption,
                              int weeksWithoutExemption,
                              @Nullable LocalDate offerFoundOn,
                              @Nullable Integer daysToOffer,
                              @Nullable LocalDate fullyBackOn,
                              boolean onThuiszitterList,
                              List<Signal> signals) {

    /** A signal on the timeline, with the covenant's wording and source. */
    @Serdeable
    public record Signal(Code code, LocalDate since, String text, @Nullable String escalateTo, String source) {
    }

    public enum Code {
        /** Thuiszitter: langer dan de termijn zonder vrijstelling thuis. */
        THUISZITTER,
        /** Escalatie naar wie de doorzettingsmacht heeft. */
        ESCALATION
    }

    public static TimelineFigures of(List<TimelineEntry> entries, @Nullable LocalDate registeredOn, ThuiszitterTerms terms,
                                     LocalDate today) {
        List<TimelineEntry> out = entries.stream().filter(e -> e.kind() == TimelineEntry.Kind.OUT_OF_SCHOOL)
                .sorted(Comparator.comparing(TimelineEntry::startsOn)).toList();
        LocalDate firstDayOut = out.isEmpty() ? null : out.getFirst().startsOn();
        LocalDate offer = firstOf(entries, TimelineEntry.Kind.OFFER_FOUND);
        LocalDate back = firstOf(entries, TimelineEntry.Kind.FULLY_BACK);
        LocalDate countUntil = back != null && back.isBefore(today) ? back.minusDays(1) : today;
        int daysOut = countDays(out, firstDayOut, countUntil, false);
        int daysWithout = countDays(out, firstDayOut, countUntil, true);
        Integer daysToOffer = offer == null ? null
                : (int) ChronoUnit.DAYS.between(firstDayOut != null ? firstDayOut : registeredOn != null ? registeredOn : offer, offer);
        List<Signal> signals = new ArrayList<>();
        boolean back_ = back != null && !back.isAfter(today);
        if (!back_) {
            int thresholdDays = terms.thuiszitterAfterWeeksWithoutExemption() * 7;
            if (daysWithout >= thresholdDays) {
                signals.add(new Signal(Code.THUISZITTER, dayWithoutExemption(out, firstDayOut, countUntil, thresholdDays),
                        "Thuiszitter: " + daysWithout / 7 + " weken zonder vrijstelling thuis (termijn "
                                + terms.thuiszitterAfterWeeksWithoutExemption() + " weken).", null, terms.thuiszitterSource()));
            }
            if (offer == null && firstDayOut != null) {
                LocalDate due = firstDayOut.plusMonths(terms.escalateAfterMonthsWithoutOffer());
                if (!due.isAfter(today)) {
                    signals.add(new Signal(Code.ESCALATION, due, "Langer dan " + terms.escalateAfterMonthsWithoutOffer()
                            + " maanden thuis zonder passend aanbod: voorleggen aan de " + terms.escalateTo() + ".",
                            terms.escalateTo(), terms.escalateSource()));
                }
            }
        }
        return new TimelineFigures(registeredOn, firstDayOut, daysOut, daysWithout, daysWithout / 7, offer, daysToOffer, back,
                !back_, List.copyOf(signals));
    }

    private static LocalDate firstOf(List<TimelineEntry> entries, TimelineEntry.Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).map(TimelineEntry::startsOn).min(Comparator.naturalOrder()).orElse(null);
    }

    /** Calendar days covered by the periods (overlaps once), up to and including {@code until}. */
    private static int countDays(List<TimelineEntry> periods, LocalDate first, LocalDate until, boolean withoutExemptionOnly) {
        return days(periods, first, until, withoutExemptionOnly).cardinality();
    }

    private static BitSet days(List<TimelineEntry> periods, LocalDate first, LocalDate until, boolean withoutExemptionOnly) {
        BitSet days = new BitSet();
        if (first == null || until.isBefore(first)) {
            return days;
        }
        for (TimelineEntry p : periods) {
            if (withoutExemptionOnly && Boolean.TRUE.equals(p.exemption())) {
                continue;
            }
            LocalDate end = p.endsOn() == null || p.endsOn().isAfter(until) ? until : p.endsOn();
            if (end.isBefore(p.startsOn())) {
                continue;
            }
            days.set((int) ChronoUnit.DAYS.between(first, p.startsOn()), (int) ChronoUnit.DAYS.between(first, end) + 1);
        }
        return days;
    }

    /** The day on which the days without exemption reached the threshold. */
    private static LocalDate dayWithoutExemption(List<TimelineEntry> periods, LocalDate first, LocalDate until, int threshold) {
        BitSet days = days(periods, first, until, true);
        int index = -1;
        for (int i = 0; i < threshold; i++) {
            index = days.nextSetBit(index + 1);
        }
        return first.plusDays(index);
    }
}
