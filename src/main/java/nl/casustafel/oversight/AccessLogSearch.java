package nl.casustafel.oversight;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.ClockFactory;
import nl.casustafel.platform.InvalidInputException;
import nl.casustafel.privacy.SupervisoryLookup;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The privacy officer's search in the access log (toezicht): by pupil (name or BSN, resolved by the
 * privacy kernel's {@link SupervisoryLookup}, which logs the look-up; or the pupil number), user and
 * period. No case content. An empty answer says what was searched and why nothing matched.
 */
@Singleton
public class AccessLogSearch {

    static final int MAX_ROWS = 1000;
    private static final Pattern PUPIL_NUMBER = Pattern.compile("[0-9]{1,8}");

    private final AccessLogRows rows;
    private final SupervisoryLookup lookup;
    private final EmptyResultExplanation explanation;

    AccessLogSearch(AccessLogRows rows, SupervisoryLookup lookup, EmptyResultExplanation explanation) {
        this.rows = rows;
        this.lookup = lookup;
        this.explanation = explanation;
    }

    /** One read in the log; {@code pupilName} only for a pupil the officer looked up by name or BSN. */
    @Serdeable
    public record Entry(long id, Instant at, String username, String party, long pupilId, @Nullable String pupilName,
                        String context, String basisKind, @Nullable Long basisId) {
    }

    /**
     * Filters; each may be empty. {@code pupil} is a name (or part of it), a BSN or a pupil number;
     * {@code pupilId} a pupil number. The period runs from {@code from} up to and including {@code until}.
     */
    public record Query(@Nullable String pupil, @Nullable Long pupilId, @Nullable String username,
                        @Nullable LocalDate from, @Nullable LocalDate until) {

        public static Query all() {
            return new Query(null, null, null, null, null);
        }
    }

    /**
     * The newest rows (at most {@value #MAX_ROWS}; {@code truncated} when there were more), and for no rows
     * the Dutch {@code explanation} of what was searched and why nothing matched.
     */
    @Serdeable
    public record Result(@JsonInclude(JsonInclude.Include.ALWAYS) List<Entry> entries, boolean truncated, @Nullable String explanation) {
    }

    /** Searches as the privacy officer; {@code where} names the screen or endpoint, for the log of a look-up. */
    @Transactional
    public Result search(Viewer viewer, Query query, String where) {
        if (query.from() != null && query.until() != null && query.until().isBefore(query.from())) {
            throw new InvalidInputException("until", "De einddatum ligt vóór de begindatum.");
        }
        String username = blankToNull(query.username());
        String term = blankToNull(query.pupil());
        Long pupilId = query.pupilId();
        Map<Long, String> names = Map.of();
        SupervisoryLookup.Lookup found = null;
        if (term != null && PUPIL_NUMBER.matcher(term).matches()) {
            pupilId = Long.parseLong(term);
            term = null;
        } else if (term != null) {
            found = lookup.find(viewer, term, "toezicht toegangslogboek, " + where, "pupil");
            names = found.pupils().stream().collect(Collectors.toMap(SupervisoryLookup.Found::pupilId, SupervisoryLookup.Found::name));
        }
        Filter filter = new Filter(found == null ? null : List.copyOf(names.keySet()), pupilId, username, start(query.from()),
                end(query.until()));
        List<Entry> entries = found != null && found.pupils().isEmpty() ? List.of() : rows.find(filter, names, MAX_ROWS + 1);
        boolean truncated = entries.size() > MAX_ROWS;
        if (truncated) {
            entries = entries.subList(0, MAX_ROWS);
        }
        return new Result(entries, truncated, entries.isEmpty()
                ? explanation.explain(new EmptyResultExplanation.Searched(term, found, pupilId, username, query.from(), query.until()), filter)
                : null);
    }

    /** The filter as the database sees it: {@code pupilIds} null for "any pupil", the period as instants. */
    record Filter(@Nullable List<Long> pupilIds, @Nullable Long pupilId, @Nullable String username,
                  @Nullable Timestamp from, @Nullable Timestamp until) {
    }

    private static @Nullable Timestamp start(@Nullable LocalDate from) {
        return from == null ? null : Timestamp.from(from.atStartOfDay(ClockFactory.AMSTERDAM).toInstant());
    }

    private static @Nullable Timestamp end(@Nullable LocalDate until) {
        return until == null ? null : Timestamp.from(until.plusDays(1).atStartOfDay(ClockFactory.AMSTERDAM).toInstant());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
