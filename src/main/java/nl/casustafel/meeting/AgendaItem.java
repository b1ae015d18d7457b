package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A pupil on a meeting's agenda, with what its meeting type asks at registration (SOT: the
 * hulpvraag; thuiszitterstafel: reason and the three checks), the case manager and the outcome.
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
                         @Version int version) {

    AgendaItem withOutcome(@Nullable String newOutcome, @Nullable Long newCaseManager) {
        return new AgendaItem(id, meetingId, pupilId, position, hulpvraag, reason, consentGiven, reportedToDuo,
                parentsKnowCjgAsks, parentsInformedBy, registeredBy, registeredAt, newCaseManager, newOutcome, version);
    }
}
