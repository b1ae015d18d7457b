package nl.casustafel.plan;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;

/** Who changed a plan into a version, and when (plan_version). */
@Introspected
public record PlanVersionRow(int version, long changedBy, long changedParty, Instant changedAt, long coordinatorId) {
}
