package nl.casustafel.consent;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The notices a party gets when a consent it received data under is withdrawn. They name the
 * consent and pupil number, not the pupil: after the withdrawal the party has no basis to see who.
 */
@Singleton
public class WithdrawalNotices {

    private final JdbcOperations jdbc;

    public WithdrawalNotices(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Serdeable
    public record Notice(long consentId, long pupilId, LocalDate withdrawnOn, String purpose) {
    }

    @Transactional(readOnly = true)
    public List<Notice> forParty(Viewer viewer) {
        return jdbc.prepareStatement("""
                SELECT c.id, c.pupil_id, c.withdrawn_on, c.purpose FROM withdrawal_notice n
                  JOIN consent c ON c.id = n.consent_id
                 WHERE n.party_id = ? ORDER BY c.withdrawn_on DESC, c.id DESC
                """, statement -> {
            statement.setLong(1, viewer.partyId());
            List<Notice> notices = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    notices.add(new Notice(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getString(4)));
                }
            }
            return notices;
        });
    }
}
