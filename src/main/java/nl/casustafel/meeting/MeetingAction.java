package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.Disclosure;
import nl.casustafel.privacy.PupilView;

import java.time.Instant;
import java.time.LocalDate;

/** An agreement as an action: what, who, by when; open until done. */
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
                            @DateCreated @Nullable Instant createdAt) {

    /** GENERAL, or the verzuimoverleg's "school reports to DUO within 3 school days". */
    public enum Kind { GENERAL, DUO_REPORT }

    public boolean open() {
        return doneOn == null;
    }

    public boolean overdue(LocalDate today) {
        return open() && dueOn.isBefore(today);
    }

    /**
     * Whether the viewer may read the action's free text: whoever sees the pupil by name, whoever
     * wrote it down, and its owner while they see the pupil at all. Others see only that there is one.
     */
    public boolean textVisibleTo(Viewer viewer, @Nullable PupilView pupil) {
        boolean identified = pupil != null && pupil.disclosure() == Disclosure.IDENTIFIED;
        return identified || createdBy == viewer.userId() || (pupil != null && ownerId == viewer.userId()) || pupilId == null;
    }

    MeetingAction doneOn(LocalDate day) {
        return new MeetingAction(id, seriesId, meetingId, itemId, pupilId, kind, what, ownerId, dueOn, day, createdBy, createdAt);
    }
}
