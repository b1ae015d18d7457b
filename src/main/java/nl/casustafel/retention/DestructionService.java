package nl.casustafel.retention;

import nl.casustafel.privacy.PupilFactsChanged;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.privacy.PupilIdentities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Vernietiging (art. 9.2): destroys the personal data of every pupil whose closing decision's
 * destruction date has come, one transaction per pupil, so that a pupil is either wholly destroyed or
 * wholly kept. What goes from which table, and why, is listed in {@code V8__retention.sql}. What remains:
 * <ul>
 *   <li>a count in {@code retention_statistic} (closing year, sector, reason, kinds of table) — no pupil id;</li>
 *   <li>a count per school and day in {@code destruction_log} — the record that destruction happened;</li>
 *   <li>the rows of the append-only {@code access_log}, which name the pupil number only; keeping or
 *       thinning the log is a decision of its own (NEN 7513), not made here.</li>
 * </ul>
 * A pupil whose data cannot be deleted (e.g. a table added later that still refers to the pupil) keeps
 * all its data; the failure is logged by pupil id and the next run tries again.
 */
@Singleton
public class DestructionService {

    private static final Logger LOG = LoggerFactory.getLogger(DestructionService.class);

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> tx;
    private final ApplicationEventPublisher<Object> events;
    private final PupilIdentities identities;

    public DestructionService(JdbcOperations jdbc, TransactionOperations<Connection> tx, ApplicationEventPublisher<Object> events,
                              PupilIdentities identities) {
        this.identities = identities;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
    }

    /** What a run did: pupils destroyed, and pupils whose destruction failed and was rolled back. */
    public record Run(LocalDate asOf, int destroyed, int failed) {
    }

    /** Destroys every case whose destruction date is on or before {@code asOf}. */
    public Run destroyDue(LocalDate asOf) {
        int destroyed = 0;
        int failed = 0;
        for (long pupilId : due(asOf)) {
            try {
                if (tx.executeWrite(status -> destroy(pupilId, asOf))) {
                    destroyed++;
                }
            } catch (RuntimeException e) {
                failed++;
                LOG.error("Destruction of pupil {} failed and was rolled back; retried on the next run", pupilId, e);
            }
        }
        if (destroyed > 0 || failed > 0) {
            LOG.info("Retention run as of {}: {} case(s) destroyed, {} failed", asOf, destroyed, failed);
        }
        return new Run(asOf, destroyed, failed);
    }

    private List<Long> due(LocalDate asOf) {
        return tx.executeRead(status -> jdbc.prepareStatement("""
                SELECT pupil_id FROM closing_decision WHERE withdrawn_at IS NULL AND destroy_on <= ? ORDER BY destroy_on, pupil_id
                """, st -> {
            st.setDate(1, Date.valueOf(asOf));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }));
    }

    private record Case(long schoolId, String sector, ClosingReason reason, int closingYear) {
    }

    /** Destroys one pupil's data; false when the decision was withdrawn (or the pupil gone) meanwhile. */
    private boolean destroy(long pupilId, LocalDate asOf) {
        Optional<Case> closed = lockDueCase(pupilId, asOf);
        if (closed.isEmpty()) {
            return false;
        }
        Set<MeetingType> tables = tablesOf(pupilId);
        update("UPDATE meeting SET current_item_id = NULL WHERE current_item_id IN (SELECT id FROM agenda_item WHERE pupil_id = ?)", pupilId);
        update("DELETE FROM meeting_action WHERE pupil_id = ? OR item_id IN (SELECT id FROM agenda_item WHERE pupil_id = ?)", pupilId, pupilId);
        update("DELETE FROM agenda_item WHERE pupil_id = ?", pupilId); // agenda_note: ON DELETE CASCADE
        update("DELETE FROM series_case WHERE pupil_id = ?", pupilId);
        update("DELETE FROM withdrawal_notice WHERE consent_id IN (SELECT id FROM consent WHERE pupil_id = ?)", pupilId);
        update("DELETE FROM consent WHERE pupil_id = ?", pupilId);
        update("DELETE FROM parent_notification WHERE pupil_id = ?", pupilId); // parent_notification_party: CASCADE
        update("DELETE FROM duo_report WHERE pupil_id = ?", pupilId);
        update("DELETE FROM absence_figure WHERE pupil_id = ?", pupilId);
        update("DELETE FROM absence_record WHERE school_id = ? AND pupil_id = ?", closed.get().schoolId(), pupilId); // stored under the pupil's school
        update("DELETE FROM closing_decision WHERE pupil_id = ?", pupilId);
        identities.destroy(pupilId);
        update("DELETE FROM pupil WHERE id = ?", pupilId);
        count(closed.get(), tables, asOf);
        events.publishEvent(new PupilFactsChanged(pupilId)); // open meetings drop the item after commit
        return true;
    }

    private Optional<Case> lockDueCase(long pupilId, LocalDate asOf) {
        return jdbc.prepareStatement("""
                SELECT p.school_id, s.sector, d.reason, d.decided_on
                  FROM closing_decision d JOIN pupil p ON p.id = d.pupil_id JOIN school s ON s.id = p.school_id
                 WHERE d.pupil_id = ? AND d.withdrawn_at IS NULL AND d.destroy_on <= ?
                   FOR UPDATE OF p
                """, st -> {
            st.setLong(1, pupilId);
            st.setDate(2, Date.valueOf(asOf));
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Case(rs.getLong("school_id"), rs.getString("sector"),
                        ClosingReason.valueOf(rs.getString("reason")), rs.getDate("decided_on").toLocalDate().getYear()));
            }
        });
    }

    /** The kinds of table the pupil was discussed at: on a case list or on a meeting's agenda. */
    private Set<MeetingType> tablesOf(long pupilId) {
        return jdbc.prepareStatement("""
                SELECT ms.type FROM series_case sc JOIN meeting_series ms ON ms.id = sc.series_id WHERE sc.pupil_id = ?
                UNION
                SELECT ms.type FROM agenda_item ai JOIN meeting m ON m.id = ai.meeting_id
                  JOIN meeting_series ms ON ms.id = m.series_id WHERE ai.pupil_id = ?
                """, st -> {
            st.setLong(1, pupilId);
            st.setLong(2, pupilId);
            Set<MeetingType> types = EnumSet.noneOf(MeetingType.class);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    types.add(MeetingType.valueOf(rs.getString(1)));
                }
            }
            return types;
        });
    }

    private void count(Case closed, Set<MeetingType> tables, LocalDate asOf) {
        jdbc.prepareStatement("""
                INSERT INTO retention_statistic (closing_year, sector, reason, at_verzuimoverleg, at_sot, at_thuiszitterstafel, cases)
                VALUES (?, ?, ?, ?, ?, ?, 1)
                ON CONFLICT (closing_year, sector, reason, at_verzuimoverleg, at_sot, at_thuiszitterstafel)
                DO UPDATE SET cases = retention_statistic.cases + 1
                """, st -> {
            st.setInt(1, closed.closingYear());
            st.setString(2, closed.sector());
            st.setString(3, closed.reason().name());
            st.setBoolean(4, tables.contains(MeetingType.VERZUIMOVERLEG));
            st.setBoolean(5, tables.contains(MeetingType.SOT));
            st.setBoolean(6, tables.contains(MeetingType.THUISZITTERSTAFEL));
            return st.executeUpdate();
        });
        jdbc.prepareStatement("""
                INSERT INTO destruction_log (destroyed_on, school_id, cases) VALUES (?, ?, 1)
                ON CONFLICT (destroyed_on, school_id) DO UPDATE SET cases = destruction_log.cases + 1, last_at = now()
                """, st -> {
            st.setDate(1, Date.valueOf(asOf));
            st.setLong(2, closed.schoolId());
            return st.executeUpdate();
        });
    }

    private void update(String sql, long... params) {
        jdbc.prepareStatement(sql, st -> {
            for (int i = 0; i < params.length; i++) {
                st.setLong(i + 1, params[i]);
            }
            return st.executeUpdate();
        });
    }
}
