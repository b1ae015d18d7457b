package nl.casustafel.privacy;

import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.Optional;

/**
 * What one viewer sees of a {@link TablePupils} read, as the kernel decided it (and logged the reads by name):
 * each pupil's view, the viewer as a reader of content about each pupil, and the facts about each pupil at
 * the viewer's level. Pupils the viewer does not see are absent from the views and facts.
 */
public final class SeenAtTable {

    private final Map<Long, PupilView> views;
    private final Map<Long, ContentViewer> readers;
    private final Map<Long, DisclosedFacts> facts;
    private final ContentViewer withoutPupil;

    SeenAtTable(Map<Long, PupilView> views, Map<Long, ContentViewer> readers, Map<Long, DisclosedFacts> facts,
                ContentViewer withoutPupil) {
        this.views = Map.copyOf(views);
        this.readers = Map.copyOf(readers);
        this.facts = Map.copyOf(facts);
        this.withoutPupil = withoutPupil;
    }

    /** The pupil as the viewer sees it; null when not at all (or not read). */
    public @Nullable PupilView view(long pupilId) {
        return views.get(pupilId);
    }

    /** The viewer as a reader of content about the pupil ({@code null}: content about no pupil). */
    public ContentViewer reader(@Nullable Long pupilId) {
        if (pupilId == null) {
            return withoutPupil;
        }
        ContentViewer reader = readers.get(pupilId);
        return reader != null ? reader : new ContentViewer(withoutPupil.userId(), withoutPupil.partyId(), withoutPupil.partyType(),
                Disclosure.NONE, Basis.NONE, java.util.Set.of());
    }

    /** The facts about the pupil at the viewer's level; empty when the viewer does not see the pupil. */
    public Optional<DisclosedFacts> facts(long pupilId) {
        return Optional.ofNullable(facts.get(pupilId));
    }
}
