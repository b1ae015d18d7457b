package nl.casustafel.privacy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.covenant.DuoReportKind;
import nl.casustafel.covenant.MeetingType;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts about a pupil that one viewer may see at a table, as {@link PupilReader#facts} decides: the
 * pupil itself; whether the absence figures may be shown (the decision allows the ABSENCE field, which the
 * covenant gives an alias as well); and, only for a viewer who sees the pupil by name, its DUO reports and
 * consents: a DUO reference, a date of report or consent or a party's name next to an alias would let the
 * alias be tied to a person.
 */
public record DisclosedFacts(PupilView pupil, boolean absence, List<DuoReport> duoReports, List<Consent> consents) {

    public DisclosedFacts {
        duoReports = List.copyOf(duoReports);
        consents = List.copyOf(consents);
    }

    /** A DUO report (verzuimmelding): open, or closed on {@code closedOn}. */
    @Serdeable
    public record DuoReport(@Nullable DuoReportKind kind, LocalDate reportedOn, String reference, @Nullable LocalDate closedOn) {
    }

    /** A consent: to which party, for which table and question, from when until when, withdrawn on. */
    @Serdeable
    public record Consent(String party, MeetingType purpose, @Nullable String hulpvraag, LocalDate givenOn,
                          @Nullable LocalDate validUntil, @Nullable LocalDate withdrawnOn, boolean valid) {
    }
}
