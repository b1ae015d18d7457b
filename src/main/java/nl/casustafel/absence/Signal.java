package nl.casustafel.absence;

import io.micronaut.serde.annotation.Serdeable;

/** A signal about one pupil, with the Dutch explanation and the numbers behind it. */
@Serdeable
public record Signal(Type type, String explanation) {

    public enum Type {
        /** Relatief verzuim at or above the legal threshold: the school must report to DUO. */
        RELATIVE_ABSENCE(true, "Relatief verzuim: melden bij DUO"),
        /** m@zl: worrying sickness absence, for the youth doctor. */
        WORRYING_SICKNESS(true, "Zorgwekkend ziekteverzuim (m@zl)"),
        /** Late at or above the school's threshold: report to DUO. */
        FREQUENT_LATE(true, "Vaak te laat: melden bij DUO"),
        /** No current enrolment. */
        ABSOLUTE_ABSENCE(true, "Absoluut verzuim"),
        /** Beginning absence below every threshold: a candidate for the verzuimoverleg. */
        BEGINNING_ABSENCE(false, "Beginnend verzuim (onder de meldgrens)");

        private final boolean thresholdReached;
        private final String label;

        Type(boolean thresholdReached, String label) {
            this.thresholdReached = thresholdReached;
            this.label = label;
        }

        public boolean thresholdReached() {
            return thresholdReached;
        }

        public String label() {
            return label;
        }
    }
}
