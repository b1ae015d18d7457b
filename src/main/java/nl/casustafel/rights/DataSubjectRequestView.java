package nl.casustafel.rights;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.privacy.Disclosure;

import java.time.LocalDate;

/**
 * A data-subject request as one viewer at the table may see it: the pupil at the viewer's own disclosure
 * level ({@link PupilLabel}), and the free texts (summary, motivation) only for a viewer who sees the
 * pupil by name, since they may identify the pupil.
 */
@Serdeable
public record DataSubjectRequestView(long id,
                                     long seriesId,
                                     String table,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable PupilLabel pupil,
                                     RequestKind kind,
                                     String kindLabel,
                                     Requester requestedBy,
                                     LocalDate receivedOn,
                                     LocalDate dueOn,
                                     boolean overdue,
                                     RequestStatus status,
                                     String statusLabel,
                                     @Nullable LocalDate decidedOn,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String summary,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String motivation,
                                     String registeredBy,
                                     String registeredByParty,
                                     @Nullable LocalDate extendedOn,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String extensionReason,
                                     @Nullable LocalDate executedOn,
                                     @Nullable LocalDate liftedOn) {

    /** The pupil as the viewer sees it at the table: number and name only when identified, else handle and alias. */
    @Serdeable
    public record PupilLabel(@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Long id,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String handle,
                             Disclosure disclosure,
                             @Nullable String alias,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String name) {

        public String label() {
            return name != null ? name : alias;
        }
    }
}
