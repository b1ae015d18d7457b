package nl.casustafel.absence;

/** An accepted record as one line of PostgreSQL's COPY text format, in the column order of {@link #COLUMNS}. */
final class CopyText {

    /** The stored columns, in the order {@link #append} writes them. */
    static final String COLUMNS = "school_id, source_id, pupil_id, absence_date, lesson_hour, part_of_day, kind, hours, hour_unit, reason_code";

    private CopyText() {
    }

    /** Appends the record's columns, tab-separated, without its line number and without the newline. */
    static void append(StringBuilder b, AbsenceRecord r) {
        b.append(r.schoolId()).append('\t');
        escape(b, r.recordId());
        b.append('\t').append(r.pupilId()).append('\t').append(r.date()).append('\t')
                .append(r.lessonHour() == null ? "\\N" : r.lessonHour().toString()).append('\t')
                .append(r.partOfDay() == null ? "\\N" : r.partOfDay().name()).append('\t')
                .append(r.kind().name()).append('\t').append(r.hours().toPlainString()).append('\t')
                .append(r.unit().name()).append('\t');
        if (r.reasonCode() == null) {
            b.append("\\N");
        } else {
            escape(b, r.reasonCode());
        }
    }

    private static void escape(StringBuilder b, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }
}
