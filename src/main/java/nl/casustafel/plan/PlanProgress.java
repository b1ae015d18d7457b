package nl.casustafel.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.WriterBasis;

import java.time.Instant;

/** A short progress report (voortgangsbericht) on a plan between meetings, with its provenance. */
@MappedEntity("plan_progress")
public record PlanProgress(@Id @GeneratedValue Long id,
                    long planId,
                    String text,
                    @DateCreated @Nullable Instant writtenAt,
                    long writerId,
                    long writerPartyId,
                    WriterBasis writerBasis,
                    @Nullable Long writerBasisId,
                    String category) {

    ContentProvenance provenance() {
        return ContentProvenance.of(writerPartyId, writerId, writerBasis, writerBasisId, category);
    }
}
