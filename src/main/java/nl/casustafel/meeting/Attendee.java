package nl.casustafel.meeting;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A person at a meeting's table and whether they attended ({@code null}: not recorded yet). Only
 * professionals sit at a table: nothing here is about a pupil.
 */
@Serdeable
public record Attendee(long userId, String name, String party, boolean chair, @Nullable Presence presence) {
}
