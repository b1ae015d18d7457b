package nl.casustafel.privacy;

/** The facts about a pupil that the disclosure rules depend on; no identity beyond the municipality. */
public record PupilFacts(long pupilId, long schoolId, long residenceMunicipalityId) {
}
