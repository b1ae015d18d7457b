package nl.casustafel.monitoring;

import nl.casustafel.privacy.FigureTable.Heading;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Dutch headings of the dashboards' rows and columns (the API, the screens and the exports show the same). */
final class Labels {

    private static final Locale NL = Locale.forLanguageTag("nl-NL");

    /** The absence kinds the dashboards count (absence.AbsenceKind): unauthorised, sick, late. */
    static final List<Heading> ABSENCE_KINDS = List.of(new Heading("UNAUTHORISED", "Ongeoorloofd"),
            new Heading("SICK", "Ziek"), new Heading("LATE", "Te laat"));

    static final List<Heading> TABLE_TYPES = List.of(new Heading("VERZUIMOVERLEG", "Verzuimoverleg"),
            new Heading("SOT", "SOT"), new Heading("THUISZITTERSTAFEL", "Thuiszitterstafel"));

    static final List<Heading> DURATIONS = List.of(new Heading("M0_3", "Korter dan 3 maanden"),
            new Heading("M3_6", "3 tot 6 maanden"), new Heading("M6_12", "6 tot 12 maanden"),
            new Heading("M12", "12 maanden of langer"));

    static final List<Heading> CLOSING_REASONS = List.of(
            new Heading("ATTENDED_ONE_YEAR", "Een jaar onafgebroken naar school"),
            new Heading("LEFT_REGION", "Uit de regio vertrokken"), new Heading("DECEASED", "Overleden"));

    static final Heading PUPILS = new Heading("PUPILS", "Leerlingen");

    private Labels() {
    }

    static List<Heading> months(SchoolYear year) {
        List<Heading> months = new ArrayList<>();
        for (YearMonth m : year.months()) {
            months.add(month(m));
        }
        return months;
    }

    static Heading month(YearMonth m) {
        return new Heading(m.toString(), m.getMonth().getDisplayName(TextStyle.FULL, NL) + " " + m.getYear());
    }

    static List<Heading> classYears() {
        List<Heading> years = new ArrayList<>();
        for (int y = 1; y <= 8; y++) {
            years.add(new Heading(String.valueOf(y), "Leerjaar " + y));
        }
        return years;
    }

    static List<Heading> of(Map<? extends Enum<?>, String> labels) {
        return labels.entrySet().stream().map(e -> new Heading(e.getKey().name(), e.getValue())).toList();
    }
}
