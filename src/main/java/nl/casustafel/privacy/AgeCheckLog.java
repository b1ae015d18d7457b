package nl.casustafel.privacy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.audit.AccessLog;

import java.util.List;

/**
 * Logs that the kernel used a pupil's birth date on behalf of a viewer who does not see it, in a
 * transaction of its own: the attempt stays in the access log when the recording is refused and
 * rolled back, so that probing is visible to the privacy officer.
 */
@Singleton
class AgeCheckLog {

    private final AccessLog accessLog;

    AgeCheckLog(AccessLog accessLog) {
        this.accessLog = accessLog;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.REQUIRES_NEW)
    public void record(Viewer viewer, long pupilId) {
        accessLog.record(viewer, List.of(new AccessLog.Read(pupilId,
                "leeftijdscontrole bij vastleggen toestemming (naam niet getoond)", Basis.NONE.kind().name(), null)));
    }
}
