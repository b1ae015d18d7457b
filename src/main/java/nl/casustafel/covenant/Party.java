package nl.casustafel.covenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** A party to the covenant (convenantpartij) and the day it joined. */
@MappedEntity("party")
public record Party(@Id @GeneratedValue Long id,
                    Long covenantId,
                    PartyType type,
                    String name,
                    LocalDate joinedOn,
                    @Nullable Long municipalityId) {
}
