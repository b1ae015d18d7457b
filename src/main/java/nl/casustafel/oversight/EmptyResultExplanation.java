package nl.casustafel.oversight;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.privacy.SupervisoryLookup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Says in Dutch, for a search that found no rows, what was searched and why nothing matched: no pupil
 * with that name or BSN, a period without any row, a user who never appears, a pupil never read, or
 * conditions that each match rows but not together. It names no pupil: the officer typed the name.
 */
@Singleton
class EmptyResultExplanation {

    private final AccessLogRows rows;

    EmptyResultExplanation(AccessLogRows rows) {
        this.rows = rows;
    }

    /** What the officer asked for; {@code lookup} is the kernel's answer when a name or BSN was given. */
    record Searched(@Nullable String name, @Nullable SupervisoryLookup.Lookup lookup, @Nullable Long pupilId,
                    @Nullable String username, @Nullable LocalDate from, @Nullable LocalDate until) {
    }

    String explain(Searched searched, AccessLogSearch.Filter filter) {
        return "Gezocht: " + criteria(searched) + ". Geen regels gevonden: " + reason(searched, filter);
    }

    private static String criteria(Searched s) {
        List<String> parts = new ArrayList<>();
        if (s.lookup() != null) {
            int n = s.lookup().pupils().size();
            String found = n == 1 ? "1 leerling gevonden" : n + " leerlingen gevonden";
            parts.add(s.lookup().byBsn() ? "leerling met het opgegeven BSN (" + found + ")"
                    : "leerling met „" + s.name() + "” in de naam (" + found + ")");
        }
        if (s.pupilId() != null) {
            parts.add("leerlingnummer " + s.pupilId());
        }
        if (s.username() != null) {
            parts.add("gebruiker „" + s.username() + "”");
        }
        if (s.from() != null || s.until() != null) {
            parts.add("periode " + (s.from() == null ? "vanaf het begin" : "van " + DutchDates.DAY.format(s.from()))
                    + (s.until() == null ? " tot nu" : " tot en met " + DutchDates.DAY.format(s.until())));
        }
        return parts.isEmpty() ? "het hele logboek, zonder zoekvoorwaarden" : String.join(", ", parts);
    }

    private String reason(Searched s, AccessLogSearch.Filter filter) {
        if (s.lookup() != null && s.lookup().pupils().isEmpty()) {
            return s.lookup().byBsn() ? "er is geen leerling met dit BSN bekend. Van een afgesloten dossier is het BSN na de "
                    + "bewaartermijn vernietigd; zoek dan op leerlingnummer."
                    : "er is geen leerling met deze naam bekend. Controleer de spelling, of zoek op een deel van de naam of op BSN.";
        }
        boolean period = filter.from() != null || filter.until() != null;
        if (period && !rows.any(new AccessLogSearch.Filter(null, null, null, filter.from(), filter.until()))) {
            return "het logboek bevat in deze periode geen enkele regel. Kies een andere periode.";
        }
        if (filter.username() != null && !rows.any(new AccessLogSearch.Filter(null, null, filter.username(), null, null))) {
            return "gebruiker „" + filter.username() + "” komt in het hele logboek niet voor. Controleer de gebruikersnaam.";
        }
        if (filter.pupilId() != null && !rows.any(new AccessLogSearch.Filter(null, filter.pupilId(), null, null, null))) {
            return "van leerlingnummer " + filter.pupilId() + " zijn nooit gegevens ingezien.";
        }
        if (!period && filter.username() == null && filter.pupilId() == null && filter.pupilIds() == null) {
            return "het logboek is leeg.";
        }
        return "er zijn wel regels voor elk van deze voorwaarden, maar geen die aan alle voorwaarden tegelijk voldoen. "
                + "Laat een voorwaarde weg of verruim de periode.";
    }
}
