package nl.casustafel.monitoring;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A school year (schooljaar), named by the calendar year it starts in: 2025 is 1 August 2025 to 31 July 2026.
 */
public record SchoolYear(int start) {

    public static SchoolYear of(LocalDate day) {
        return new SchoolYear(day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1);
    }

    public LocalDate first() {
        return LocalDate.of(start, 8, 1);
    }

    public LocalDate last() {
        return LocalDate.of(start + 1, 7, 31);
    }

    public SchoolYear previous() {
        return new SchoolYear(start - 1);
    }

    /** August to July. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>(12);
        for (int i = 0; i < 12; i++) {
            months.add(YearMonth.of(start, 8).plusMonths(i));
        }
        return months;
    }

    /** "2025/2026". */
    public String label() {
        return start + "/" + (start + 1);
    }
}
