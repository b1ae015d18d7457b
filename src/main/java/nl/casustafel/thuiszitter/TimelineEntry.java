package nl.casustafel.thuiszitter;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.WriterBasis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a thuiszitter's timeline at a thuiszitterstafel: a period out of school, the day a suitable
 * offer was found, a step of the return, or the day the pupil is fully back. Case content with its provenance
 * (covenant art. 3.4c, 8.1): the party that brought it in, the basis under which its writer saw the pupil, and
 * its data category; {@code privacy.ContentPolicy} decides who reads it.
 */
@MappedEntity("thuiszitter_entry")
public record TimelineEntry(@Id @GeneratedValue @Nullable Long id,
                            long seriesId,
                            long pupilId,
                            Kind kind,
                            @Nullable AbsenceKind absenceKind,
                            @Nullable Boolean exemption,
                            LocalDate startsOn,
                            @Nullable LocalDate endsOn,
                            @Nullable BigDecimal hoursPerWeek,
                            @Nullable Integer daysPerWeek,
                            @Nullable String description,
                            long providerPartyId,
                            long writerId,
                            WriterBasis writerBasis,
                            @Nullable Long writerBasisId,
                            String category,
                            @DateCreated @Nullable Instant createdAt) {

    /** What an entry records. */
    public enum Kind {
        /** Periode thuis: absoluut of relatief verzuim, met of zonder vrijstelling. */
        OUT_OF_SCHOOL,
        /** Passend aanbod gevonden. */
        OFFER_FOUND,
        /** Stap in de terugkeer (uren of dagen per week). */
        RETURN_STEP,
        /** Volledig terug in onderwijs of arbeid. */
        FULLY_BACK
    }

    /** Absoluut verzuim (not enrolled, art. 1.13) or relatief verzuim (enrolled, not attending, art. 1.14). */
    public enum AbsenceKind {
        ABSOLUTE, RELATIVE
    }

    public ContentProvenance provenance() {
        return ContentProvenance.of(providerPartyId, writerId, writerBasis, writerBasisId, category);
    }
}
