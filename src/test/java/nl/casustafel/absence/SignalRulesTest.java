package nl.casustafel.absence;

import nl.casustafel.covenant.AbsenceThresholds;
import nl.casustafel.covenant.CovenantRulesLoader;
import nl.casustafel.platform.ConfigFiles;
import nl.casustafel.school.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thresholds on crafted calendars (one holiday week: 19–23 October 2026). */
class SignalRulesTest {

    private static final AbsenceThresholds THRESHOLDS = new AbsenceThresholds(16, 4, 4, 12, 7, 9, 3, Map.of("03EF", 6),
            Map.of(Sector.PO, 7, Sector.VO, 10, Sector.MBO, 12),
            List.of(new AbsenceThresholds.Holiday("Herfstvakantie", LocalDate.of(2026, 10, 17), LocalDate.of(2026, 10, 25))));
    private static final SignalRules RULES = new SignalRules(THRESHOLDS);
    private static final LocalDate ON = LocalDate.of(2026, 11, 27); // a Friday

    static Stream<Arguments> relativeAbsence() {
        return Stream.of(
                // hours per school day (date -> unauthorised hours), expected signal
                Arguments.of("exactly 16 hours in 4 weeks", days("2026-11-02", 6, "2026-11-09", 6, "2026-11-16", 4), true),
                Arguments.of("15.5 hours in 4 weeks", days("2026-11-02", 6, "2026-11-09", 6, "2026-11-16", 3.5), false),
                Arguments.of("16 hours over 5 calendar weeks", days("2026-11-02", 6, "2026-11-09", 6, "2026-11-30", 4), false),
                Arguments.of("16 hours in 4 school weeks spanning the holiday week",
                        days("2026-10-07", 6, "2026-10-14", 6, "2026-10-28", 2, "2026-11-04", 2), true),
                Arguments.of("16 hours needing a 5th school week across the holiday",
                        days("2026-10-07", 6, "2026-10-14", 6, "2026-10-28", 2, "2026-11-11", 2), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void relativeAbsence(String name, List<PupilAbsence.Day> days, boolean signal) {
        PupilSignals result = RULES.evaluate(pupil(days, null), LocalDate.of(2026, 12, 4));
        assertEquals(signal, has(result, Signal.Type.RELATIVE_ABSENCE), result.signals().toString());
    }

    @Test
    void theWindowSpanningTheHolidaySaysSoAndGivesTheNumbers() {
        PupilSignals result = RULES.evaluate(pupil(days("2026-10-07", 6, "2026-10-14", 6, "2026-10-28", 2, "2026-11-04", 2), null), ON);
        String text = result.signals().getFirst().explanation();
        assertTrue(text.startsWith("16 lesuren ongeoorloofd afwezig in 4 aaneengesloten schoolweken (5 oktober 2026 tot en met 6 november 2026; de vakantieweek telt niet mee)"), text);
    }

    @Test
    void theDuoSignalStaysUntilAReportIsRecorded() {
        List<PupilAbsence.Day> days = days("2026-09-07", 8, "2026-09-14", 8);
        assertTrue(has(RULES.evaluate(pupil(days, null), ON), Signal.Type.RELATIVE_ABSENCE), "weeks later, still to report");
        assertFalse(has(RULES.evaluate(pupil(days, LocalDate.of(2026, 9, 18)), ON), Signal.Type.RELATIVE_ABSENCE));
    }

    static Stream<Arguments> sickness() {
        return Stream.of(
                Arguments.of("4 sick reports in 12 school weeks", sick("2026-09-10", "2026-10-01", "2026-11-05", "2026-11-23"), true, 4),
                Arguments.of("3 sick reports in 12 school weeks", sick("2026-10-01", "2026-11-05", "2026-11-23"), false, 3),
                Arguments.of("4 reports, the first before the 12 school weeks", sick("2026-08-28", "2026-10-01", "2026-11-05", "2026-11-23"), false, 3),
                Arguments.of("2 consecutive days are one report", sick("2026-10-01", "2026-10-02", "2026-11-05", "2026-11-23"), false, 3),
                Arguments.of("7 consecutive school days across a weekend",
                        sick("2026-11-12", "2026-11-13", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"), true, 1),
                Arguments.of("6 consecutive school days across a weekend",
                        sick("2026-11-12", "2026-11-13", "2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19"), false, 1),
                Arguments.of("7 sick days with a gap are two reports",
                        sick("2026-11-12", "2026-11-13", "2026-11-16", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-23"), false, 2),
                Arguments.of("7 consecutive school days across the holiday week",
                        sick("2026-10-13", "2026-10-14", "2026-10-15", "2026-10-16", "2026-10-26", "2026-10-27", "2026-10-28"), true, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void sickness(String name, List<PupilAbsence.Day> days, boolean signal, int reports) {
        PupilSignals result = RULES.evaluate(pupil(days, null), ON);
        assertEquals(signal, has(result, Signal.Type.WORRYING_SICKNESS), result.signals().toString());
        assertEquals(reports, result.sickReports12Weeks());
    }

    @Test
    void lateArrivalsUseTheSchoolsThreshold() {
        List<PupilAbsence.Day> lates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lates.add(new PupilAbsence.Day(LocalDate.of(2026, 9, 7).plusWeeks(i), 0, false, 1));
        }
        assertFalse(has(RULES.evaluate(pupil(lates, null), ON), Signal.Type.FREQUENT_LATE), "default threshold is 9");
        PupilAbsence veenhoven = new PupilAbsence(1, "03EF", Sector.VO, LocalDate.of(2024, 8, 25), null, lates, null, null, null);
        PupilSignals result = RULES.evaluate(veenhoven, ON);
        assertTrue(has(result, Signal.Type.FREQUENT_LATE));
        assertEquals("6 keer te laat dit schooljaar; deze school meldt bij DUO vanaf 6 keer.", result.signals().getFirst().explanation());
    }

    @Test
    void noCurrentEnrolmentIsAbsoluteAbsence() {
        PupilAbsence left = new PupilAbsence(1, "02CD", Sector.VO, LocalDate.of(2024, 8, 25), LocalDate.of(2026, 11, 1), List.of(), null, null, null);
        assertTrue(has(RULES.evaluate(left, ON), Signal.Type.ABSOLUTE_ABSENCE));
        PupilAbsence reported = new PupilAbsence(1, "02CD", Sector.VO, LocalDate.of(2024, 8, 25), LocalDate.of(2026, 11, 1), List.of(), null, null,
                LocalDate.of(2026, 11, 3));
        assertFalse(has(RULES.evaluate(reported, ON), Signal.Type.ABSOLUTE_ABSENCE));
    }

    @Test
    void beginningAbsenceBelowTheThresholdIsACandidate() {
        PupilSignals result = RULES.evaluate(pupil(days("2026-11-16", 5), null), ON);
        assertTrue(result.belowThreshold());
        assertEquals(5.0, result.unauthorisedHours4Weeks());
        assertTrue(result.signals().getFirst().explanation().startsWith("5 lesuren ongeoorloofd in de laatste 4 schoolweken (meldgrens 16)"));
        assertFalse(RULES.evaluate(pupil(sick("2026-11-16"), null), ON).belowThreshold(), "one sick day is no concern");
    }

    @Test
    void theCovenantFileHasTheThresholdsAndHolidays() {
        AbsenceThresholds fromFile = CovenantRulesLoader.thresholds(new ConfigFiles("config").yaml("covenants/dijkstreek.yaml"));
        assertEquals(16, fromFile.relativeAbsenceHours());
        assertEquals(9, fromFile.lateArrivalThreshold("02CD"));
        assertEquals(6, fromFile.lateArrivalThreshold("03EF"));
        assertFalse(fromFile.isSchoolWeek(LocalDate.of(2026, 10, 19)));
        assertTrue(fromFile.isSchoolDay(LocalDate.of(2026, 10, 26)));
    }

    private static PupilAbsence pupil(List<PupilAbsence.Day> days, LocalDate relativeReport) {
        return new PupilAbsence(1, "02CD", Sector.VO, LocalDate.of(2024, 8, 25), null, days, relativeReport, null, null);
    }

    private static boolean has(PupilSignals signals, Signal.Type type) {
        return signals.signals().stream().anyMatch(s -> s.type() == type);
    }

    private static List<PupilAbsence.Day> days(Object... dateAndHours) {
        List<PupilAbsence.Day> days = new ArrayList<>();
        for (int i = 0; i < dateAndHours.length; i += 2) {
            double hours = ((Number) dateAndHours[i + 1]).doubleValue();
            days.add(new PupilAbsence.Day(LocalDate.parse((String) dateAndHours[i]), (int) Math.round(hours * 100), false, 0));
        }
        return days;
    }

    private static List<PupilAbsence.Day> sick(String... dates) {
        return Stream.of(dates).map(d -> new PupilAbsence.Day(LocalDate.parse(d), 0, true, 0)).toList();
    }
}
