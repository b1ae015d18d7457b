package nl.casustafel.consent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;

/** The parents' notifications (informeren van ouders) and the parties named in them. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ParentNotifications extends GenericRepository<Consent, Long> {

    /** The new notification's id. */
    @Query("""
            INSERT INTO parent_notification (pupil_id, notifying_party_id, purpose, notified_on, note, recorded_by)
            VALUES (:pupilId, :partyId, :purpose, :notifiedOn, :note, :recordedBy) RETURNING id
            """)
    long add(long pupilId, long partyId, String purpose, LocalDate notifiedOn, @Nullable String note, long recordedBy);

    @Query("INSERT INTO parent_notification_party (notification_id, party_id) VALUES (:notificationId, :partyId)")
    void addParty(long notificationId, long partyId);
}
