package nl.casustafel.absence;

import nl.casustafel.platform.DutchDates;

import nl.casustafel.covenant.AbsenceThresholds;
import nl.casustafel.school.Sector;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The legal thresholds applied to one pupil's absence, counted in school weeks and school days of
 * the covenant's calendar (holiday weeks and weekends do not count):
 * <ul>
 * <li>relatief verzuim: unauthorised hours in any 4 consecutive school weeks after the last relative
 * DUO report reach 16 — the signal stays until such a report is recorded;</li>
 * <li>m@zl: 4 sick reports (a run of sick school days is one report) starting in the last 12 school
 * weeks, or a run of 7 consecutive sick school days ending in them;</li>
 * <li>late arrivals this school year (since the last DUO report for other relative absence) reach the
 * school's threshold;</li>
 * <li>absolute absence: no current enrolment and no DUO report of it since.</li>
 * </ul>
 */
public final class SignalRules {


    private final AbsenceThresholds t;

    public SignalRules(AbsenceThresholds thresholds) {
        this.t = thresholds;
    }

    public PupilSignals evaluate(PupilAbsence pupil, LocalDate on) {
        List<Signal> signals = new ArrayList<>();
        String unit = pupil.sector() == Sector.PO ? "klokuren" : "lesuren";
        relative(pupil, on, unit, signals);
        LocalDate recentStart = schoolWeeksBack(on, t.sickReportsWeeks());
        List<Spell> spells = sickSpells(pupil, on);
        int reports = (int) spells.stream().filter(s -> !s.first.isBefore(recentStart)).count();
        sickness(spells, reports, recentStart, signals);
        int lates = lates(pupil, on);
        int lateThreshold = t.lateArrivalThreshold(pupil.brin());
        if (lates >= lateThreshold) {
            signals.add(new Signal(Signal.Type.FREQUENT_LATE, lates + " keer te laat dit schooljaar"
                    + (pupil.lastLateReport() != null ? " (na de DUO-melding van " + DutchDates.DAY.format(pupil.lastLateReport()) + ")" : "")
                    + "; deze school meldt bij DUO vanaf " + lateThreshold + " keer."));
        }
        if (pupil.enrolledUntil() != null && pupil.enrolledUntil().isBefore(on)
                && (pupil.lastAbsoluteReport() == null || pupil.lastAbsoluteReport().isBefore(pupil.enrolledUntil()))) {
            signals.add(new Signal(Signal.Type.ABSOLUTE_ABSENCE, "Geen inschrijving meer sinds " + DutchDates.DAY.format(pupil.enrolledUntil().plusDays(1))
                    + " en geen nieuwe school bekend. Meld absoluut verzuim binnen 5 werkdagen bij DUO."));
        }
        int unauthorised4Weeks = unauthorisedInLastWeeks(pupil, on, t.relativeAbsenceWeeks());
        if (signals.isEmpty() && (unauthorised4Weeks > 0 || reports >= t.sickReportsCount() - 1 || lates >= t.lateArrivalTalkAt())) {
            signals.add(new Signal(Signal.Type.BEGINNING_ABSENCE, hours(unauthorised4Weeks) + " " + unit + " ongeoorloofd in de laatste "
                    + t.relativeAbsenceWeeks() + " schoolweken (meldgrens " + t.relativeAbsenceHours() + "), " + reports
                    + " ziekmelding(en) in " + t.sickReportsWeeks() + " schoolweken (grens " + t.sickReportsCount() + "), "
                    + lates + " keer te laat (meldgrens " + lateThreshold + "). Bespreek in het verzuimoverleg."));
        }
        return new PupilSignals(pupil.pupilId(), !pupil.days().isEmpty(), unauthorised4Weeks / 100.0, reports, lates, signals);
    }

    /** The first window of consecutive school weeks, after the last relative DUO report, that reaches the threshold. */
    private void relative(PupilAbsence pupil, LocalDate on, String unit, List<Signal> signals) {
        TreeMap<LocalDate, Integer> perWeek = new TreeMap<>();
        for (PupilAbsence.Day day : pupil.days()) {
            boolean reported = pupil.lastRelativeReport() != null && !day.date().isAfter(pupil.lastRelativeReport());
            if (day.unauthorisedCentiHours() > 0 && !reported && !day.date().isAfter(on)) {
                perWeek.merge(AbsenceThresholds.weekOf(day.date()), day.unauthorisedCentiHours(), Integer::sum);
            }
        }
        int threshold = t.relativeAbsenceHours() * 100;
        for (Map.Entry<LocalDate, Integer> start : perWeek.entrySet()) {
            LocalDate week = start.getKey();
            int sum = 0;
            boolean holidayInside = false;
            LocalDate last = week;
            for (int i = 0; i < t.relativeAbsenceWeeks(); i++) {
                sum += perWeek.getOrDefault(week, 0);
                last = week;
                LocalDate next = t.nextSchoolWeek(week);
                holidayInside |= i < t.relativeAbsenceWeeks() - 1 && !next.equals(week.plusWeeks(1));
                week = next;
            }
            if (sum >= threshold) {
                signals.add(new Signal(Signal.Type.RELATIVE_ABSENCE, hours(sum) + " " + unit + " ongeoorloofd afwezig in "
                        + t.relativeAbsenceWeeks() + " aaneengesloten schoolweken (" + DutchDates.DAY.format(start.getKey()) + " tot en met "
                        + DutchDates.DAY.format(last.plusDays(4)) + (holidayInside ? "; de vakantieweek telt niet mee" : "") + "); de meldgrens is "
                        + t.relativeAbsenceHours() + " uur. Meld bij DUO; dit signaal blijft staan tot de melding is vastgelegd."));
                return;
            }
        }
    }

    private void sickness(List<Spell> spells, int reports, LocalDate recentStart, List<Signal> signals) {
        if (reports >= t.sickReportsCount()) {
            signals.add(new Signal(Signal.Type.WORRYING_SICKNESS, reports + " ziekmeldingen in de laatste " + t.sickReportsWeeks()
                    + " schoolweken (sinds " + DutchDates.DAY.format(recentStart) + "); de grens is " + t.sickReportsCount()
                    + ". Bespreek met de jeugdarts (m@zl)."));
            return;
        }
        spells.stream().filter(s -> s.days >= t.consecutiveSickDays() && !s.last.isBefore(recentStart)).findFirst()
                .ifPresent(s -> signals.add(new Signal(Signal.Type.WORRYING_SICKNESS, s.days + " aaneengesloten schooldagen ziek ("
                        + DutchDates.DAY.format(s.first) + " tot en met " + DutchDates.DAY.format(s.last) + ", weekenden en vakanties niet meegeteld); de grens is "
                        + t.consecutiveSickDays() + ". Bespreek met de jeugdarts (m@zl).")));
    }

    private record Spell(LocalDate first, LocalDate last, int days) {
    }

    /** Runs of consecutive sick school days (one sick report each), up to {@code on}. */
    private List<Spell> sickSpells(PupilAbsence pupil, LocalDate on) {
        List<Spell> spells = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        int days = 0;
        for (PupilAbsence.Day day : pupil.days()) {
            if (!day.sick() || day.date().isAfter(on)) {
                continue;
            }
            if (last != null && t.nextSchoolDay(last).equals(day.date())) {
                last = day.date();
                days++;
            } else if (last == null || !last.equals(day.date())) {
                if (first != null) {
                    spells.add(new Spell(first, last, days));
                }
                first = day.date();
                last = day.date();
                days = 1;
            }
        }
        if (first != null) {
            spells.add(new Spell(first, last, days));
        }
        return spells;
    }

    private int lates(PupilAbsence pupil, LocalDate on) {
        LocalDate yearStart = LocalDate.of(on.getMonthValue() >= Month.AUGUST.getValue() ? on.getYear() : on.getYear() - 1, Month.AUGUST, 1);
        int count = 0;
        for (PupilAbsence.Day day : pupil.days()) {
            boolean reported = pupil.lastLateReport() != null && !day.date().isAfter(pupil.lastLateReport());
            if (!day.date().isBefore(yearStart) && !day.date().isAfter(on) && !reported) {
                count += day.lateArrivals();
            }
        }
        return count;
    }

    private int unauthorisedInLastWeeks(PupilAbsence pupil, LocalDate on, int weeks) {
        LocalDate from = schoolWeeksBack(on, weeks);
        int sum = 0;
        for (PupilAbsence.Day day : pupil.days()) {
            if (!day.date().isBefore(from) && !day.date().isAfter(on)) {
                sum += day.unauthorisedCentiHours();
            }
        }
        return sum;
    }

    /** The Monday that starts the last {@code weeks} school weeks up to {@code on} (its own week included if a school week). */
    LocalDate schoolWeeksBack(LocalDate on, int weeks) {
        LocalDate week = AbsenceThresholds.weekOf(on);
        if (!t.isSchoolWeek(week)) {
            week = t.previousSchoolWeek(week);
        }
        for (int i = 1; i < weeks; i++) {
            week = t.previousSchoolWeek(week);
        }
        return week;
    }

    private static String hours(int centiHours) {
        return centiHours % 100 == 0 ? String.valueOf(centiHours / 100)
                : String.format(Locale.of("nl", "NL"), "%.2f", centiHours / 100.0).replaceAll("0$", "");
    }
}
