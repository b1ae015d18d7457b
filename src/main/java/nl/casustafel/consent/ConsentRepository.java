package nl.casustafel.consent;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ConsentRepository extends CrudRepository<Consent, Long> {

    List<Consent> findByPupilIdOrderByGivenOnDesc(Long pupilId);

    /** Serialises recordings for one pupil (on the pupil's row) until the transaction ends. */
    @Query("SELECT id FROM pupil WHERE id = :pupilId FOR UPDATE")
    Long lockPupil(Long pupilId);

    /** The parties whose users read the pupil identified under this consent (from the access log). */
    @Query("SELECT DISTINCT party_id FROM access_log WHERE basis_kind = 'CONSENT' AND basis_id = :consentId")
    List<Long> findRecipientParties(Long consentId);

    @Query("INSERT INTO withdrawal_notice (consent_id, party_id) VALUES (:consentId, :partyId) ON CONFLICT DO NOTHING")
    void addWithdrawalNotice(Long consentId, Long partyId);
}
