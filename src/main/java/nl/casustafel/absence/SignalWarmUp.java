package nl.casustafel.absence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Keeps each school's signals ready (issue 14), so that the first work list after an import or on a new day does not
 * pay the computation: after an import commits, its schools' signals of today (only the imported pupils are computed
 * again, their versions moved), and shortly after midnight every school's signals of the new day. One background
 * thread on each instance, as each instance keeps its own ({@link AbsenceSignals}); a failure is logged and the next
 * read computes what it needs. Nothing is read by name and nothing leaves the server. Switched off with
 * {@code casustafel.signals.warm-up=false} (the tests, which count computations).
 */
@Singleton
@Requires(property = "casustafel.signals.warm-up", notEquals = "false")
class SignalWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(SignalWarmUp.class);

    private final AbsenceSignals signals;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("signal-warm-up").daemon().factory());

    SignalWarmUp(AbsenceSignals signals) {
        this.signals = signals;
    }

    @TransactionalEventListener
    void imported(AbsenceImported event) {
        warm(event.schoolIds());
    }

    @Scheduled(cron = "0 30 0 * * *", zoneId = "Europe/Amsterdam")
    void newDay() {
        warm(signals.schoolIds());
    }

    private void warm(Collection<Long> schools) {
        try {
            background.execute(() -> schools.forEach(school -> {
                try {
                    signals.forSchools(List.of(school));
                } catch (RuntimeException e) {
                    LOG.warn("Computing the signals of school {} ahead failed; the next work list computes them", school, e);
                }
            }));
        } catch (RejectedExecutionException e) {
            // shutting down
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
