package nl.casustafel.privacy;

import io.micronaut.core.annotation.Nullable;

import java.util.Objects;

/**
 * Where a piece of case content comes from (covenant art. 3.4c, 8.1): the party that provided it, its
 * writer, the basis under which the writer saw the pupil ({@code basisId}: the consent, DUO report,
 * notification or school behind it), and its data category (art. 5.1 or HEALTH). {@code assigneeId}
 * is the person who carries out an agreed action, null for other content; {@code aboutPupil} is false
 * for an action about no pupil.
 */
public record ContentProvenance(long providerPartyId,
                                @Nullable Long writerId,
                                WriterBasis writerBasis,
                                @Nullable Long basisId,
                                String category,
                                @Nullable Long assigneeId,
                                boolean aboutPupil) {

    public ContentProvenance {
        Objects.requireNonNull(writerBasis);
        Objects.requireNonNull(category);
    }

    public static ContentProvenance of(long providerPartyId, @Nullable Long writerId, WriterBasis writerBasis,
                                       @Nullable Long basisId, String category) {
        return new ContentProvenance(providerPartyId, writerId, writerBasis, basisId, category, null, true);
    }

    public ContentProvenance assignedTo(@Nullable Long assignee) {
        return new ContentProvenance(providerPartyId, writerId, writerBasis, basisId, category, assignee, aboutPupil);
    }

    public ContentProvenance aboutNoPupil() {
        return new ContentProvenance(providerPartyId, writerId, writerBasis, basisId, category, assigneeId, false);
    }

    public Disclosure writtenUnder() {
        return writerBasis.writtenUnder();
    }
}
