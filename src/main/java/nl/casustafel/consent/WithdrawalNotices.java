package nl.casustafel.consent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.casustafel.account.Viewer;
import nl.casustafel.privacy.PupilReader;
import nl.casustafel.privacy.PupilView;
import nl.casustafel.consent.WithdrawalNoticeRepository.Row;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The notices a party gets when a consent it received data under is withdrawn. They name the
 * consent, its date and purpose, and the pupil only as the kernel lets the party see it now: by name
 * where another basis still allows it, under the alias at a shared table, else not at all. After the
 * withdrawal the party may have no basis left to know who, so the pupil number is never given.
 */
@Singleton
public class WithdrawalNotices {

    private final WithdrawalNoticeRepository notices;
    private final PupilReader reader;

    public WithdrawalNotices(WithdrawalNoticeRepository notices, PupilReader reader) {
        this.notices = notices;
        this.reader = reader;
    }

    /** {@code pupil} and {@code pupilRef}: the name or alias, and the handle or number, as the viewer may see them now; null when not. */
    @Serdeable
    public record Notice(long consentId, LocalDate givenOn, LocalDate withdrawnOn, String purpose,
                         @Nullable String pupil, @Nullable String pupilRef) {
    }

    @Transactional
    public List<Notice> forParty(Viewer viewer) {
        List<Row> rows = notices.forParty(viewer.partyId());
        Map<Long, PupilView> visible = reader.read(viewer, rows.stream().map(Row::pupilId).distinct().toList(), null,
                "bericht intrekking toestemming").stream().collect(Collectors.toMap(PupilView::pupilId, Function.identity()));
        return rows.stream().map(r -> {
            PupilView pupil = visible.get(r.pupilId());
            return new Notice(r.consentId(), r.givenOn(), r.withdrawnOn(), r.purpose(),
                    pupil == null ? null : pupil.label(), pupil == null ? null : pupil.ref());
        }).toList();
    }

    /** A withdrawal notice to the viewer's party about one pupil: the consent's date, its purpose and when it was withdrawn. */
    @Serdeable
    @Introspected
    public record PupilNotice(LocalDate givenOn, LocalDate withdrawnOn, String purpose) {
    }

    /**
     * The notices the viewer's party got about one pupil, newest first. For a caller that has already asked the
     * privacy kernel whether the viewer sees the pupil (e.g. at a meeting): this method does not ask again.
     */
    @Transactional(readOnly = true)
    public List<PupilNotice> aboutPupil(Viewer viewer, long pupilId) {
        return notices.aboutPupil(viewer.partyId(), pupilId);
    }
}
