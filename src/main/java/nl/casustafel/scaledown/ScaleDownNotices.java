package nl.casustafel.scaledown;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.platform.DutchDates;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What the participants of a table are told of an afschaling, made at read time through the privacy kernel. Who
 * still sees the pupil there (the school of enrolment's party) reads the pupil as the kernel shows it and the reason;
 * who no longer does reads only the table, the day and the alias the pupil had at that table, which they knew,
 * never a name, a handle, the reason or the explanation: the reason ("terug in het onderwijs", "verhuisd") is
 * about the pupil, and the alias must stay a dead end.
 */
@Singleton
public class ScaleDownNotices {

    private final ScaleDownRepository repository;
    private final PupilReader reader;

    ScaleDownNotices(ScaleDownRepository repository, PupilReader reader) {
        this.repository = repository;
        this.reader = reader;
    }

    /** One notice: {@code stillVisible} tells whether the viewer still sees the pupil (then {@code pupil} is set). */
    @Serdeable
    public record Notice(long id, String table, LocalDate decidedOn, boolean stillVisible, String text,
                         @io.micronaut.core.annotation.Nullable PupilView pupil) {
    }

    @Transactional
    public List<Notice> forViewer(Viewer viewer) {
        return repository.findByUserIdOrderByCreatedAtDesc(viewer.userId()).stream().limit(20).map(n -> notice(viewer, n)).toList();
    }

    private Notice notice(Viewer viewer, ScaleDownNotice n) {
        String table = repository.tableName(n.seriesId()).orElse("?");
        String day = DutchDates.DATE.format(n.decidedOn());
        Optional<PupilView> seen = reader.read(viewer, n.pupilId(), n.seriesId(), "start, melding afschaling");
        if (seen.isPresent()) {
            String reason = repository.standingReason(n.seriesId(), n.pupilId())
                    .map(r -> " (reden: " + ScaleDownService.label(ScaleDownReason.valueOf(r)) + ")").orElse("");
            return new Notice(n.id(), table, n.decidedOn(), true, seen.get().label() + " is op " + day + " afgeschaald bij " + table
                    + reason + ". Uw school houdt het dossier; de andere partijen zien de leerling daar niet meer.", seen.get());
        }
        return new Notice(n.id(), table, n.decidedOn(), false, "Leerling " + n.aliasNumber() + " is op " + day + " afgeschaald bij "
                + table + ". U hebt geen toegang meer tot deze leerling.", null);
    }
}
