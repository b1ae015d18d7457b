package nl.casustafel.absence;

import nl.casustafel.platform.DutchDates;

import nl.casustafel.covenant.AbsenceThresholds;
import nl.casustafel.school.Sector;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Checks one delivered absence record against the importing user's schools and pupils and the
 * school calendar; answers the stored form or the Dutch reason it is rejected. The same checks
 * serve the CSV import and the API.
 */
final class AbsenceValidator {

    private static final int MAX_RECORD_ID = 64;
    private static final int MAX_REASON_CODE = 20;
    private static final java.util.regex.Pattern BSN = java.util.regex.Pattern.compile("[0-9]{9}");

    private final PupilDirectory.Scope scope;
    private final AbsenceThresholds thresholds;
    private final LocalDate today;

    AbsenceValidator(PupilDirectory.Scope scope, AbsenceThresholds thresholds, LocalDate today) {
        this.scope = scope;
        this.thresholds = thresholds;
        this.today = today;
    }

    /** Either a record or a rejection. */
    sealed interface Outcome permits Accepted, Rejected {
    }

    record Accepted(AbsenceRecord record) implements Outcome {
    }

    record Rejected(long line, String reason) implements Outcome {
    }

    Outcome check(AbsenceInput in) {
        try {
            return new Accepted(record(in));
        } catch (Rejection r) {
            return new Rejected(in.line(), r.getMessage());
        }
    }

    private AbsenceRecord record(AbsenceInput in) {
        String recordId = blank(in.recordId()) ? reject("het registratie-id ontbreekt") : in.recordId().trim();
        if (recordId.length() > MAX_RECORD_ID) {
            reject("het registratie-id is langer dan " + MAX_RECORD_ID + " tekens");
        }
        String brin = blank(in.brin()) ? reject("de BRIN-code van de school ontbreekt") : in.brin().trim().toUpperCase();
        PupilDirectory.SchoolRef school = scope.schoolsByBrin().get(brin);
        if (school == null) {
            reject("school " + brin + " is geen school waarvoor u werkt");
        }
        String bsn = blank(in.bsn()) ? reject("het BSN ontbreekt") : in.bsn().trim();
        if (!BSN.matcher(bsn).matches()) {
            reject("het BSN moet uit 9 cijfers bestaan");
        }
        PupilDirectory.PupilRef pupil = scope.pupil(bsn).orElse(null);
        if (pupil == null || pupil.schoolId() != school.id()) {
            reject("onbekende leerling: er staat geen leerling met dit BSN op " + school.name());
        }
        LocalDate date = date(in.date());
        if (date.isAfter(today)) {
            reject("de datum " + DutchDates.DATE.format(date) + " ligt in de toekomst");
        }
        if (!thresholds.isSchoolDay(date)) {
            reject(DutchDates.DATE.format(date) + " is geen schooldag (weekend of schoolvakantie)");
        }
        if (!pupil.enrolledOn(date)) {
            reject("de leerling stond op " + DutchDates.DATE.format(date) + " niet ingeschreven");
        }
        AbsenceKind kind = blank(in.kind()) ? reject("de soort verzuim ontbreekt")
                : AbsenceKind.parse(in.kind()).orElseGet(() -> reject("onbekende soort verzuim '" + in.kind().trim()
                + "' (ZIEK, VERLOF, GEOORLOOFD_OVERIG, ONGEOORLOOFD of TE_LAAT)"));
        int lastHour = thresholds.lastHour(school.sector());
        Integer lessonHour = null;
        PartOfDay partOfDay = null;
        if (!blank(in.lessonHour()) && !blank(in.partOfDay())) {
            reject("vul een lesuur of een dagdeel in, niet beide");
        } else if (!blank(in.lessonHour())) {
            lessonHour = lessonHour(in.lessonHour(), lastHour);
        } else if (!blank(in.partOfDay())) {
            partOfDay = PartOfDay.parse(in.partOfDay()).orElseGet(() -> reject("onbekend dagdeel '" + in.partOfDay().trim()
                    + "' (OCHTEND, MIDDAG of DAG)"));
        } else {
            reject("het lesuur of dagdeel ontbreekt");
        }
        BigDecimal hours = hours(in.hours(), kind, lessonHour != null, partOfDay, lastHour);
        String reason = blank(in.reasonCode()) ? null : in.reasonCode().trim();
        if (reason != null && reason.length() > MAX_REASON_CODE) {
            reject("de redencode is langer dan " + MAX_REASON_CODE + " tekens");
        }
        AbsenceRecord.HourUnit unit = school.sector() == Sector.PO ? AbsenceRecord.HourUnit.CLOCK_HOUR : AbsenceRecord.HourUnit.LESSON_HOUR;
        return new AbsenceRecord(in.line(), school.id(), recordId, pupil.id(), date, lessonHour, partOfDay, kind, hours, unit, reason);
    }

    private static LocalDate date(String text) {
        if (blank(text)) {
            return reject("de datum ontbreekt");
        }
        String value = text.trim();
        try {
            return value.length() == 10 && value.charAt(2) == '-' ? LocalDate.parse(value, DutchDates.DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return reject("ongeldige datum '" + value + "' (gebruik jjjj-mm-dd of dd-mm-jjjj)");
        }
    }

    private static int lessonHour(String text, int lastHour) {
        int hour;
        try {
            hour = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return reject("ongeldig lesuur '" + text.trim() + "'");
        }
        if (hour < 1 || hour > lastHour) {
            reject("lesuur " + hour + " valt buiten de schooldag (1 tot en met " + lastHour + ")");
        }
        return hour;
    }

    private static BigDecimal hours(String text, AbsenceKind kind, boolean perHour, PartOfDay partOfDay, int lastHour) {
        if (blank(text)) {
            return reject("het aantal uren ontbreekt");
        }
        BigDecimal hours;
        try {
            hours = new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return reject("ongeldig aantal uren '" + text.trim() + "'");
        }
        if (hours.scale() > 2) {
            reject("het aantal uren heeft meer dan twee decimalen");
        }
        BigDecimal max = perHour ? BigDecimal.ONE
                : partOfDay == PartOfDay.DAY ? BigDecimal.valueOf(lastHour) : BigDecimal.valueOf((lastHour + 1) / 2);
        boolean zeroAllowed = kind == AbsenceKind.LATE;
        if (hours.signum() < 0 || (!zeroAllowed && hours.signum() == 0) || hours.compareTo(max) > 0) {
            reject("het aantal uren " + text.trim() + " past niet in " + (perHour ? "één lesuur" : "dit dagdeel")
                    + " (" + (zeroAllowed ? "0" : "meer dan 0") + " tot en met " + max.toPlainString() + ")");
        }
        return hours;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static <T> T reject(String reason) {
        throw new Rejection(reason);
    }

    private static final class Rejection extends RuntimeException {
        Rejection(String message) {
            super(message, null, false, false);
        }
    }
}
