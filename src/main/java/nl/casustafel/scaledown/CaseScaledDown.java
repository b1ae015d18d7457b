package nl.casustafel.scaledown;

import java.time.Instant;

/**
 * A table decided to scale a pupil's case down (afschaling): every party's access to the pupil at that table
 * ends except the school of enrolment's. Published after commit by the feature that records the decision;
 * features holding case content of that table (the plan van aanpak, …) close it.
 */
public record CaseScaledDown(long seriesId, long pupilId, ScaleDownReason reason, long decidedBy, Instant at) {
}
