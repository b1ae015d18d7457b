package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.WriterBasis;

import java.time.Instant;

/**
 * A note on an agenda item. It records the party that brought it in (provenance, art. 3.4c) and
 * whether its author saw the pupil by name: a note written under the alias stays with the alias,
 * and one written under the name is never shown to someone who sees only the alias. It also records the
 * basis under which its author saw the pupil ({@code writerBasis}, {@code writerBasisId}) and the data
 * category its author gave it; {@code privacy.ContentPolicy} decides from these who reads it.
 */
@Serdeable
@MappedEntity("agenda_note")
public record AgendaNote(@Id @GeneratedValue Long id,
                         Long itemId,
                         Long authorId,
                         Long authorPartyId,
                         Disclosure writtenUnder,
                         String text,
                         @DateCreated @Nullable Instant createdAt,
                         String category,
                         WriterBasis writerBasis,
                         @Nullable Long writerBasisId) {

    public ContentProvenance provenance() {
        return ContentProvenance.of(authorPartyId, authorId, writerBasis, writerBasisId, category);
    }
}
