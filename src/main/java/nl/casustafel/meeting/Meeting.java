package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** One session of a table: planned, open (live), closed, or cancelled. */
@Serdeable
@MappedEntity("meeting")
public record Meeting(@Id @GeneratedValue Long id,
                      Long seriesId,
                      Instant startsAt,
                      @Nullable String location,
                      Status status,
                      @Nullable Long currentItemId,
                      @Nullable Instant openedAt,
                      @Nullable Instant closedAt) {

    public enum Status { PLANNED, OPEN, CLOSED, CANCELLED }

    Meeting with(Status newStatus, @Nullable Long current, @Nullable Instant opened, @Nullable Instant closed) {
        return new Meeting(id, seriesId, startsAt, location, newStatus, current, opened, closed);
    }
}
