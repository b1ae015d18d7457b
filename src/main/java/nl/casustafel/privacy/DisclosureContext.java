package nl.casustafel.privacy;

import io.micronaut.core.annotation.Nullable;
import nl.casustafel.covenant.MeetingType;

/**
 * Where a pupil is looked at: outside any meeting, or at a table (a meeting series the viewer sits
 * at and the pupil is on), with that table's purpose, the thuiszitterstafel reason or SOT hulpvraag,
 * and the pupil's handle there: the opaque reference that stands in for the pupil number outside the
 * server, random per table and pupil. {@code scaledDown}: the table scaled the pupil's case down (afschaling)
 * and the viewer is not of the school of enrolment's party, so the seat no longer discloses anything.
 */
public record DisclosureContext(@Nullable Long seriesId,
                                @Nullable MeetingType purpose,
                                @Nullable Integer aliasNumber,
                                @Nullable String reason,
                                @Nullable String hulpvraag,
                                String description,
                                @Nullable String handle,
                                boolean scaledDown) {

    public DisclosureContext(@Nullable Long seriesId, @Nullable MeetingType purpose, @Nullable Integer aliasNumber,
                             @Nullable String reason, @Nullable String hulpvraag, String description, @Nullable String handle) {
        this(seriesId, purpose, aliasNumber, reason, hulpvraag, description, handle, false);
    }

    /** The seat at a table that scaled the pupil's case down, for a viewer outside the school of enrolment's party. */
    static DisclosureContext scaledDown(String description) {
        return new DisclosureContext(null, null, null, null, null, description, null, true);
    }

    public DisclosureContext(@Nullable Long seriesId, @Nullable MeetingType purpose, @Nullable Integer aliasNumber,
                             @Nullable String reason, @Nullable String hulpvraag, String description) {
        this(seriesId, purpose, aliasNumber, reason, hulpvraag, description, null);
    }

    public static DisclosureContext outsideMeetings(String description) {
        return new DisclosureContext(null, null, null, null, null, description);
    }

    public boolean atTable() {
        return seriesId != null;
    }

    public String alias() {
        return aliasNumber == null ? null : "Leerling " + aliasNumber;
    }
}
