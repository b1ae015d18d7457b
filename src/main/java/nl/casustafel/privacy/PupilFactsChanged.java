package nl.casustafel.privacy;

/**
 * A fact that decides disclosure changed for this pupil (a DUO report, consent, withdrawal, notification or
 * the destruction of its file): everyone's view of the pupil may change. Published by the feature that
 * recorded the fact, after commit; live screens re-read through the kernel.
 */
public record PupilFactsChanged(long pupilId) {
}
