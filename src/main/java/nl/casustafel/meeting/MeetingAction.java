package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import nl.casustafel.privacy.ContentProvenance;
import nl.casustafel.privacy.WriterBasis;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An agreement as an action: what, who, by when; open until done. Its text is case content with the
 * provenance of its writer (party, basis, category); {@code privacy.ContentPolicy} decides who reads it.
 */
@Serdeable
@MappedEntity("meeting_action")
public record MeetingAction(@Id @GeneratedValue Long id,
                            Long seriesId,
                            Long meetingId,
                            @Nullable Long itemId,
                            @Nullable Long pupilId,
                            Kind kind,
                            String what,
                            Long ownerId,
                            LocalDate dueOn,
                            @Nullable LocalDate doneOn,
                            Long createdBy,
                            @DateCreated @Nullable Instant createdAt,
                            Long writerPartyId,
                            WriterBasis writerBasis,
                            @Nullable Long writerBasisId,
                            String category) {

    /** GENERAL, or the verzuimoverleg's "school reports to DUO within 3 school days". */
    public enum Kind { GENERAL, DUO_REPORT }

    public boolean open() {
        return doneOn == null;
    }

    public boolean overdue(LocalDate today) {
        return open() && dueOn.isBefore(today);
    }

    /** Who wrote the text down, how they saw the pupil, in which category; and who carries it out. */
    public ContentProvenance provenance() {
        ContentProvenance p = ContentProvenance.of(writerPartyId, createdBy, writerBasis, writerBasisId, category).assignedTo(ownerId);
        return pupilId == null ? p.aboutNoPupil() : p;
    }

    MeetingAction doneOn(LocalDate day) {
        return new MeetingAction(id, seriesId, meetingId, itemId, pupilId, kind, what, ownerId, dueOn, day, createdBy, createdAt,
                writerPartyId, writerBasis, writerBasisId, category);
    }
}
