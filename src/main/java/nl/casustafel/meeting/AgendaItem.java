package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.WriterBasis;

import java.time.Instant;

/**
 * A pupil on a meeting's agenda, with what its meeting type asks at registration (SOT: the
 * hulpvraag; thuiszitterstafel: reason and the three checks), the case manager and the outcome, with
 * the provenance of the registration (party and basis of the registrant) and of the outcome (its last
 * writer, party, basis and category).
 */
@Serdeable
@MappedEntity("agenda_item")
public record AgendaItem(@Id @GeneratedValue Long id,
                         Long meetingId,
                         Long pupilId,
                         int position,
                         @Nullable String hulpvraag,
                         @Nullable String reason,
                         @Nullable Boolean consentGiven,
                         @Nullable Boolean reportedToDuo,
                         @Nullable Boolean parentsKnowCjgAsks,
                         @Nullable String parentsInformedBy,
                         Long registeredBy,
                         @DateCreated @Nullable Instant registeredAt,
                         @Nullable Long caseManagerId,
                         @Nullable String outcome,
                         @Version int version,
                         Long registeredPartyId,
                         WriterBasis registeredBasis,
                         @Nullable Long registeredBasisId,
                         @Nullable Long outcomeBy,
                         @Nullable Long outcomePartyId,
                         @Nullable WriterBasis outcomeBasis,
                         @Nullable Long outcomeBasisId,
                         @Nullable String outcomeCategory) {

    /** The outcome written by {@code writer}, whose party and basis {@code by} gives, in {@code category}. */
    AgendaItem withOutcome(@Nullable String newOutcome, @Nullable Long newCaseManager, ContentProvenance by) {
        return new AgendaItem(id, meetingId, pupilId, position, hulpvraag, reason, consentGiven, reportedToDuo,
                parentsKnowCjgAsks, parentsInformedBy, registeredBy, registeredAt, newCaseManager, newOutcome, version,
                registeredPartyId, registeredBasis, registeredBasisId, by.writerId(), by.providerPartyId(), by.writerBasis(),
                by.basisId(), by.category());
    }

    /** Who brought the outcome in; empty without an outcome. */
    public java.util.Optional<ContentProvenance> outcomeProvenance() {
        if (outcome == null || outcomePartyId == null || outcomeBasis == null || outcomeCategory == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(ContentProvenance.of(outcomePartyId, outcomeBy, outcomeBasis, outcomeBasisId, outcomeCategory));
    }

    /** Who registered the pupil (registeredBy, parentsInformedBy), in the given category. */
    public ContentProvenance registrationProvenance(String category) {
        return ContentProvenance.of(registeredPartyId, registeredBy, registeredBasis, registeredBasisId, category);
    }
}
