package nl.casustafel.privacy;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The consents a party recorded that must be confirmed again because the pupil has moved into another
 * age band since they were given ({@code consentAge.onBandChange: ASK_RECONFIRMATION}, issue 10 item 4).
 * The recording party sees them on its home screen; the pupil is shown at the level the kernel allows
 * it now, and no birth date or age leaves the kernel, only who must confirm.
 */
@Singleton
public class ReconfirmationsDue {

    private final JdbcOperations jdbc;
    private final PupilRecords records;
    private final PupilReader reader;
    private final ConsentAgeRule ages;
    private final Clock clock;

    ReconfirmationsDue(JdbcOperations jdbc, PupilRecords records, PupilReader reader, ConsentAgeRule ages, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.reader = reader;
        this.ages = ages;
        this.clock = clock;
    }

    /** {@code pupil}, {@code pupilRef}: name or alias and number or handle as the viewer may see them now; null when not. */
    @Serdeable
    public record Due(long consentId, String partyName, String purpose, LocalDate givenOn, String confirmBy,
                      @io.micronaut.core.annotation.Nullable String pupil,
                      @io.micronaut.core.annotation.Nullable String pupilRef) {
    }

    private record Row(long consentId, long pupilId, String partyName, String purpose, LocalDate givenOn) {
    }

    @Transactional
    public List<Due> recordedBy(Viewer viewer) {
        LocalDate today = LocalDate.now(clock);
        List<Row> rows = jdbc.prepareStatement("""
                SELECT c.id, c.pupil_id, p.name, c.purpose, c.given_on FROM consent c
                  JOIN user_account u ON u.id = c.recorded_by
                  JOIN party p ON p.id = c.party_id
                 WHERE u.party_id = ? AND c.withdrawn_on IS NULL AND (c.valid_until IS NULL OR c.valid_until >= ?)
                 ORDER BY c.given_on, c.id
                """, statement -> {
            statement.setLong(1, viewer.partyId());
            statement.setObject(2, today);
            List<Row> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate()));
                }
            }
            return found;
        });
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, PupilRecords.Loaded> pupils = records.load(rows.stream().map(Row::pupilId).distinct().toList());
        List<Row> due = rows.stream().filter(r -> pupils.containsKey(r.pupilId())
                && !ages.sameBand(pupils.get(r.pupilId()).stored().birthDate(), r.givenOn(), today)).toList();
        if (due.isEmpty()) {
            return List.of();
        }
        Map<Long, PupilView> visible = reader.read(viewer, due.stream().map(Row::pupilId).distinct().toList(), null,
                "toestemming opnieuw bevestigen").stream().collect(Collectors.toMap(PupilView::pupilId, Function.identity()));
        return due.stream().map(r -> {
            PupilView pupil = visible.get(r.pupilId());
            return new Due(r.consentId(), r.partyName(), r.purpose(), r.givenOn(),
                    ages.reconfirmers(pupils.get(r.pupilId()).stored().birthDate(), today),
                    pupil == null ? null : pupil.label(), pupil == null ? null : pupil.ref());
        }).toList();
    }
}
