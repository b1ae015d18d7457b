package nl.casustafel.audit;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs the access log's head every minute ({@code casustafel.audit.checkpoint-interval}) when rows came in,
 * and once more when the application stops, so that rows written since the last checkpoint are never
 * unprotected for long. Can be switched off with {@code casustafel.audit.checkpoint-job.enabled=false}.
 */
@Singleton
@Requires(property = "casustafel.audit.checkpoint-job.enabled", notEquals = "false")
public class AccessLogCheckpointJob {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogCheckpointJob.class);

    private final AccessLogCheckpoints checkpoints;

    public AccessLogCheckpointJob(AccessLogCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(fixedDelay = "${casustafel.audit.checkpoint-interval:1m}", initialDelay = "${casustafel.audit.checkpoint-interval:1m}")
    void regularly() {
        checkpoints.write();
    }

    @PreDestroy
    void atShutdown() {
        try {
            checkpoints.write();
        } catch (RuntimeException e) {
            LOG.warn("No checkpoint of the access log at shutdown: {}", e.getMessage());
        }
    }
}
