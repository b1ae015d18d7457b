package nl.casustafel.consent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The notices a party gets when a consent it received data under is withdrawn. They name the
 * consent, its date and purpose, and the pupil only as the kernel lets the party see it now: by name
 * where another basis still allows it, under the alias at a shared table, else not at all. After the
 * withdrawal the party may have no basis left to know who, so the pupil number is never given.
 */
@Singleton
public class WithdrawalNotices {

    private final JdbcOperations jdbc;
    private final PupilReader reader;

    public WithdrawalNotices(JdbcOperations jdbc, PupilReader reader) {
        this.jdbc = jdbc;
        this.reader = reader;
    }

    /** {@code pupil} and {@code pupilRef}: the name or alias, and the handle or number, as the viewer may see them now; null when not. */
    @Serdeable
    public record Notice(long consentId, LocalDate givenOn, LocalDate withdrawnOn, String purpose,
                         @Nullable String pupil, @Nullable String pupilRef) {
    }

    private record Row(long consentId, long pupilId, LocalDate givenOn, LocalDate withdrawnOn, String purpose) {
    }

    @Transactional
    public List<Notice> forParty(Viewer viewer) {
        List<Row> rows = jdbc.prepareStatement("""
                SELECT c.id, c.pupil_id, c.given_on, c.withdrawn_on, c.purpose FROM withdrawal_notice n
                  JOIN consent c ON c.id = n.consent_id
                 WHERE n.party_id = ? ORDER BY c.withdrawn_on DESC, c.id DESC
                """, statement -> {
            statement.setLong(1, viewer.partyId());
            List<Row> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new Row(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(),
                            rs.getString(5)));
                }
            }
            return found;
        });
        Map<Long, PupilView> visible = reader.read(viewer, rows.stream().map(Row::pupilId).distinct().toList(), null,
                "bericht intrekking toestemming").stream().collect(Collectors.toMap(PupilView::pupilId, Function.identity()));
        return rows.stream().map(r -> {
            PupilView pupil = visible.get(r.pupilId());
            return new Notice(r.consentId(), r.givenOn(), r.withdrawnOn(), r.purpose(),
                    pupil == null ? null : pupil.label(), pupil == null ? null : pupil.ref());
        }).toList();
    }

    /** A withdrawal notice to the viewer's party about one pupil: the consent's date, its purpose and when it was withdrawn. */
    @Serdeable
    public record PupilNotice(LocalDate givenOn, LocalDate withdrawnOn, String purpose) {
    }

    /**
     * The notices the viewer's party got about one pupil, newest first. For a caller that has already asked the
     * privacy kernel whether the viewer sees the pupil (e.g. at a meeting): this method does not ask again.
     */
    @Transactional(readOnly = true)
    public List<PupilNotice> aboutPupil(Viewer viewer, long pupilId) {
        return jdbc.prepareStatement("""
                SELECT c.given_on, c.withdrawn_on, c.purpose FROM withdrawal_notice n
                  JOIN consent c ON c.id = n.consent_id
                 WHERE n.party_id = ? AND c.pupil_id = ? ORDER BY c.withdrawn_on DESC, c.id DESC
                """, statement -> {
            statement.setLong(1, viewer.partyId());
            statement.setLong(2, pupilId);
            List<PupilNotice> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new PupilNotice(rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate(), rs.getString(3)));
                }
            }
            return found;
        });
    }
}
