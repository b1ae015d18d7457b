package nl.casustafel.retention;

import nl.casustafel.privacy.PupilFactsChanged;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import nl.casustafel.covenant.MeetingType;
import nl.casustafel.privacy.PupilIdentities;
import nl.casustafel.retention.Destructions.Case;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.LocalDate;
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
 * all its data; the failure is logged by pupil id and the next run tries again. The statements are the
 * {@code @Query} methods of {@link Destructions}; they join the transaction of the pupil's run.
 */
@Singleton
public class DestructionService {

    private static final Logger LOG = LoggerFactory.getLogger(DestructionService.class);

    private final Destructions destructions;
    private final TransactionOperations<Connection> tx;
    private final ApplicationEventPublisher<Object> events;
    private final PupilIdentities identities;

    public DestructionService(Destructions destructions, TransactionOperations<Connection> tx, ApplicationEventPublisher<Object> events,
                              PupilIdentities identities) {
        this.identities = identities;
        this.destructions = destructions;
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
        return tx.executeRead(status -> destructions.due(asOf));
    }

    /** Destroys one pupil's data; false when the decision was withdrawn (or the pupil gone) meanwhile. */
    private boolean destroy(long pupilId, LocalDate asOf) {
        Optional<Case> closed = destructions.lockDueCase(pupilId, asOf);
        if (closed.isEmpty()) {
            return false;
        }
        Set<MeetingType> tables = tablesOf(pupilId);
        destructions.clearCurrentItems(pupilId);
        destructions.deleteActions(pupilId);
        destructions.deleteAgendaItems(pupilId);
        destructions.deleteSeriesCases(pupilId);
        destructions.deleteWithdrawalNotices(pupilId);
        destructions.deleteConsents(pupilId);
        destructions.deleteParentNotifications(pupilId);
        destructions.deleteDuoReports(pupilId);
        destructions.deleteAbsenceFigure(pupilId);
        destructions.deleteAbsenceRecords(closed.get().schoolId(), pupilId);
        destructions.deleteClosingDecisions(pupilId);
        identities.destroy(pupilId);
        destructions.deletePupil(pupilId);
        count(closed.get(), tables, asOf);
        events.publishEvent(new PupilFactsChanged(pupilId)); // open meetings drop the item after commit
        return true;
    }

    private Set<MeetingType> tablesOf(long pupilId) {
        Set<MeetingType> types = EnumSet.noneOf(MeetingType.class);
        destructions.tablesOf(pupilId).forEach(type -> types.add(MeetingType.valueOf(type)));
        return types;
    }

    private void count(Case closed, Set<MeetingType> tables, LocalDate asOf) {
        destructions.countStatistic(closed.closingYear(), closed.sector(), closed.reason().name(),
                tables.contains(MeetingType.VERZUIMOVERLEG), tables.contains(MeetingType.SOT), tables.contains(MeetingType.THUISZITTERSTAFEL));
        destructions.logDestruction(asOf, closed.schoolId());
    }
}
