package nl.casustafel.calendar;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * One meeting as a calendar shows it: the table's name, when, where, and whether it is cancelled.
 * Deliberately nothing else: no agenda, no pupil, no participant.
 */
public record CalendarEntry(long meetingId, String tableName, Instant startsAt, @Nullable String location, boolean cancelled) {
}
