package nl.casustafel.consent;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;

/** The withdrawal notices a party got, with the consent each is about. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface WithdrawalNoticeRepository extends GenericRepository<Consent, Long> {

    /** The notices of one party, newest withdrawal first. */
    @Query("""
            SELECT c.id AS consent_id, c.pupil_id, c.given_on, c.withdrawn_on, c.purpose FROM withdrawal_notice n
              JOIN consent c ON c.id = n.consent_id
             WHERE n.party_id = :partyId ORDER BY c.withdrawn_on DESC, c.id DESC
            """)
    List<Row> forParty(long partyId);

    /** The notices of one party about one pupil, newest withdrawal first. */
    @Query("""
            SELECT c.given_on, c.withdrawn_on, c.purpose FROM withdrawal_notice n
              JOIN consent c ON c.id = n.consent_id
             WHERE n.party_id = :partyId AND c.pupil_id = :pupilId ORDER BY c.withdrawn_on DESC, c.id DESC
            """)
    List<WithdrawalNotices.PupilNotice> aboutPupil(long partyId, long pupilId);

    @Introspected
    record Row(long consentId, long pupilId, LocalDate givenOn, LocalDate withdrawnOn, String purpose) {
    }
}
