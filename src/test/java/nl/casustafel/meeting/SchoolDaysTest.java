package nl.casustafel.meeting;

import nl.casustafel.covenant.CovenantRulesLoader;
import nl.casustafel.platform.ConfigFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "DUO-melding binnen 3 schooldagen" (the covenant file's number), counted in the calendar of the covenant file (its school holidays). */
class SchoolDaysTest {

    private static final SchoolDays SCHOOL_DAYS =
            new SchoolDays(CovenantRulesLoader.thresholds(new ConfigFiles("config").yaml("covenants/dijkstreek.yaml")));

    @ParameterizedTest(name = "{0}: agreed {1}, due {2}")
    @CsvSource({
            "within one week,                        2026-11-23, 2026-11-26",
            "across a normal weekend,                2026-11-27, 2026-12-02",
            "agreed on a Saturday,                   2026-11-28, 2026-12-02",
            "last day before the herfstvakantie,     2026-10-16, 2026-10-28",
            "Thursday before the herfstvakantie,     2026-10-15, 2026-10-27",
            "agreed during the herfstvakantie,       2026-10-21, 2026-10-28",
            "last day before the kerstvakantie,      2026-12-18, 2027-01-06",
            "Wednesday before the kerstvakantie,     2026-12-16, 2027-01-04",
    })
    void theDuoReportIsDueThreeSchoolDaysLaterHolidaysNotCounted(String situation, LocalDate agreedOn, LocalDate dueOn) {
        assertEquals(dueOn, SCHOOL_DAYS.plus(agreedOn, 3));
    }
}
