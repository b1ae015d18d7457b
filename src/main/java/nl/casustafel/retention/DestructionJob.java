package nl.casustafel.retention;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Runs the destruction every night, so that no case outlives its destruction date by more than a day.
 * Can be switched off with {@code casustafel.retention.job.enabled=false} (e.g. on a copy of production).
 */
@Singleton
@Requires(property = "casustafel.retention.job.enabled", notEquals = "false")
public class DestructionJob {

    private final DestructionService destruction;
    private final Clock clock;

    public DestructionJob(DestructionService destruction, Clock clock) {
        this.destruction = destruction;
        this.clock = clock;
    }

    @Scheduled(cron = "0 15 2 * * *", zoneId = "Europe/Amsterdam")
    void nightly() {
        destruction.destroyDue(LocalDate.now(clock));
    }
}
