package nl.casustafel.duo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.covenant.DuoReportKind;

import java.time.Instant;
import java.time.LocalDate;

/** Verzuimmelding via het DUO-verzuimloket, recorded by the reporting school; closed by the attendance officer. */
@Serdeable
@MappedEntity("duo_report")
public record DuoReport(@Id @GeneratedValue Long id,
                        Long pupilId,
                        Long schoolId,
                        DuoReportKind kind,
                        LocalDate reportedOn,
                        String duoReference,
                        Long recordedBy,
                        @DateCreated @Nullable Instant recordedAt,
                        @Nullable LocalDate closedOn,
                        @Nullable Long closedBy,
                        @Nullable String closeReason) {

    public boolean open() {
        return closedOn == null;
    }
}
