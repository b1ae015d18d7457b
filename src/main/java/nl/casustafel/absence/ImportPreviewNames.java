package nl.casustafel.absence;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pupils of an import's preview rows as the importing viewer may see them, through the privacy kernel (which
 * logs each one read by name): the name for the school's own pupils, never the platform's internal pupil number.
 */
@Singleton
public class ImportPreviewNames {

    static final String PURPOSE = "verzuimimport (voorbeeld)";

    private final PupilReader reader;

    public ImportPreviewNames(PupilReader reader) {
        this.reader = reader;
    }

    /** Pupil number to what the screen shows (name, else alias); a pupil the viewer may not see is left out. */
    @Transactional
    public Map<Long, String> of(Viewer viewer, Collection<AbsenceRecord> rows) {
        var ids = rows.stream().map(AbsenceRecord::pupilId).distinct().toList();
        if (ids.isEmpty()) {
            return Map.of();
        }
        return reader.read(viewer, ids, null, PURPOSE).stream().filter(v -> v.label() != null)
                .collect(Collectors.toMap(PupilView::pupilId, PupilView::label, (a, b) -> a));
    }
}
