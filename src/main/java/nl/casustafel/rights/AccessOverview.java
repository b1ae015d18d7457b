package nl.casustafel.rights;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Inzageoverzicht: every personal datum the platform holds on a pupil, grouped, each labelled with the
 * party that brought it in (art. 3.4c, 8.1), plus the pupil's access log (art. 7.3: a data-subject
 * access request includes it). Made for the chair who handles the request, as the chair may see it.
 */
@Serdeable
public record AccessOverview(long requestId,
                             String table,
                             String pupil,
                             LocalDate producedOn,
                             String producedBy,
                             String producedByParty,
                             List<Section> sections,
                             List<LogEntry> accessLog) {

    /** A group of data, e.g. the DUO reports; {@code key} is stable for clients, {@code title} Dutch. */
    @Serdeable
    public record Section(String key, String title, List<Item> items) {
    }

    /** One datum: what it is, its value, and the party that brought it in (or the table where it was recorded). */
    @Serdeable
    public record Item(String label, String value, @Nullable String broughtInBy) {
    }

    /** One identified read of the pupil: who, for which party, when, in which context (purpose) and on which basis. */
    @Serdeable
    public record LogEntry(Instant at, String username, @Nullable String name, String party, String purpose, String basis) {
    }
}
