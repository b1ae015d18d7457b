package nl.casustafel.retention;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import nl.casustafel.platform.ClusterLock;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Runs the destruction every night, so that no case outlives its destruction date by more than a day.
 * With several instances on one database the run happens on one of them: the others find the cluster lock
 * taken and skip it ({@link ClusterLock}, a session-level advisory lock held for the run).
 * Can be switched off with {@code casustafel.retention.job.enabled=false} (e.g. on a copy of production).
 */
@Singleton
@Requires(property = "casustafel.retention.job.enabled", notEquals = "false")
public class DestructionJob {

    /** The name of the cluster lock the run holds. */
    public static final String LOCK = "retention-destruction";

    private final DestructionService destruction;
    private final ClusterLock lock;
    private final Clock clock;

    public DestructionJob(DestructionService destruction, ClusterLock lock, Clock clock) {
        this.destruction = destruction;
        this.lock = lock;
        this.clock = clock;
    }

    /** Whether this instance ran the destruction (false: another instance holds the lock and runs it). */
    @Scheduled(cron = "0 15 2 * * *", zoneId = "Europe/Amsterdam")
    public boolean nightly() {
        return lock.runAlone(LOCK, () -> destruction.destroyDue(LocalDate.now(clock)));
    }
}
