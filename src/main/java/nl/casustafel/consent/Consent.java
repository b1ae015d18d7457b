package nl.casustafel.consent;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import nl.casustafel.covenant.MeetingType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Toestemming: by pupil and/or parent, to one party, for one purpose and data categories; withdrawable.
 * {@code sharedWith}: the other parties the consent's scope names, to which content given under it may go
 * (e.g. the CJG's findings to the school); empty means to no other party.
 * The pupil number stays on the server: a party at a table records consent for a pupil it sees under an
 * alias, and knows the pupil by the reference it used.
 */
@Serdeable
@MappedEntity("consent")
public record Consent(@Id @GeneratedValue Long id,
                      @JsonIgnore Long pupilId,
                      Long partyId,
                      MeetingType purpose,
                      @Nullable String hulpvraag,
                      @TypeDef(type = DataType.STRING_ARRAY) List<String> categories,
                      boolean givenByPupil,
                      boolean givenByParent,
                      @Nullable String parentName,
                      ConsentMethod method,
                      LocalDate givenOn,
                      @Nullable LocalDate validUntil,
                      Long recordedBy,
                      @DateCreated @Nullable Instant recordedAt,
                      @Nullable LocalDate withdrawnOn,
                      @Nullable Long withdrawnBy,
                      @Nullable String withdrawalNote,
                      @TypeDef(type = DataType.LONG_ARRAY) List<Long> sharedWith) {

    public boolean withdrawn() {
        return withdrawnOn != null;
    }
}
