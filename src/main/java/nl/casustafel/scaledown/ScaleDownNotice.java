package nl.casustafel.scaledown;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a participant of the table is told of an afschaling: which table, which alias there, on which day. The
 * text is made when it is read, through the privacy kernel ({@link ScaleDownNotices}).
 */
@MappedEntity("scale_down_notice")
public record ScaleDownNotice(@Id @GeneratedValue @Nullable Long id,
                              long seriesId,
                              long pupilId,
                              long userId,
                              int aliasNumber,
                              LocalDate decidedOn,
                              @DateCreated @Nullable Instant createdAt) {
}
