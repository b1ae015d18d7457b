package nl.casustafel.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * The plan van aanpak of one case at one table (seed 004 Bijlage 3.2/3.3): who coordinates it
 * (casusregisseur at the SOT, procesbewaker at the thuiszitterstafel), its current version, and whether the
 * table closed it (afschaling: read-only afterwards, kept as a record). Its content is in {@link PlanLine}s.
 */
@MappedEntity("case_plan")
public record CasePlan(@Id @GeneratedValue Long id,
                long seriesId,
                long pupilId,
                long coordinatorId,
                int version,
                @Nullable Instant closedAt,
                @Nullable String closedReason,
                @Nullable Instant createdAt) {

    boolean closed() {
        return closedAt != null;
    }

    CasePlan next(long coordinator) {
        return new CasePlan(id, seriesId, pupilId, coordinator, version + 1, closedAt, closedReason, createdAt);
    }

    CasePlan closedBy(String reason, Instant at) {
        return new CasePlan(id, seriesId, pupilId, coordinatorId, version, at, reason, createdAt);
    }
}
