package nl.casustafel.rights;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilIdentities;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The notices a party gets when a datum it provided is rectified or erased on a data subject's request
 * (art. 19 AVG), as consent withdrawals are put in front of a party ({@code consent.WithdrawalNotices}):
 * what kind of datum, rectified or erased, when and by which party; the pupil only as the kernel lets the
 * party see it now (name, alias at a shared table, or not at all). Never the old or the new value.
 */
@Singleton
public class CorrectionNotices {

    private final RequestExecutions store;
    private final PupilReader reader;

    CorrectionNotices(RequestExecutions store, PupilReader reader) {
        this.store = store;
        this.reader = reader;
    }

    @Serdeable
    public record Notice(long id, String what, Instant at, String byParty, @Nullable String pupil, @Nullable String pupilRef) {
    }

    @Transactional
    public List<Notice> forParty(Viewer viewer) {
        List<RequestExecutions.NoticeRow> rows = store.notices(viewer.partyId());
        Map<Long, PupilView> visible = reader.read(viewer, rows.stream().map(RequestExecutions.NoticeRow::pupilId).distinct().toList(), null,
                "bericht rectificatie of verwijdering").stream().collect(Collectors.toMap(PupilView::pupilId, Function.identity()));
        return rows.stream().map(r -> {
            PupilView pupil = visible.get(r.pupilId());
            return new Notice(r.id(), what(r), r.correctedAt(), r.correctedByParty(), pupil == null ? null : pupil.label(),
                    pupil == null ? null : pupil.ref());
        }).toList();
    }

    private static String what(RequestExecutions.NoticeRow r) {
        String datum = r.targetField() != null ? PupilIdentities.RectifiableField.valueOf(r.targetField()).label()
                : TargetKind.valueOf(r.targetKind()).label();
        return datum + ("ERASURE".equals(r.kind()) ? " die uw organisatie inbracht, is verwijderd" : " die uw organisatie inbracht, is gerectificeerd")
                + " op verzoek van betrokkene (art. 19 AVG).";
    }
}
