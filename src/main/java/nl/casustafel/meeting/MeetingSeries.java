package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.covenant.MeetingType;

/** A standing table: the verzuimoverleg or SOT of one school, or the thuiszitterstafel of one samenwerkingsverband. */
@Serdeable
@MappedEntity("meeting_series")
public record MeetingSeries(@Id @GeneratedValue Long id,
                            MeetingType type,
                            String name,
                            @Nullable Long schoolId,
                            @Nullable Long partnershipId,
                            @Nullable Long chairId,
                            @Nullable Integer everyWeeks,
                            @Nullable String location) {
}
