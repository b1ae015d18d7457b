package nl.casustafel.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The legal basis of an identified view: enrolment at the viewer's school, a DUO report, a consent or a
 * notification; or the privacy officer's supervision of the access log (toezicht, AVG art. 39), which
 * shows a pupil's name only to the officer who looked that pupil up ({@link SupervisoryLookup}).
 */
@Serdeable
public record Basis(Kind kind, @Nullable Long id) {

    public enum Kind { ENROLMENT, DUO_REPORT, CONSENT, NOTIFICATION, SUPERVISION, NONE }

    public static final Basis NONE = new Basis(Kind.NONE, null);
}
