package nl.casustafel.school;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A school, by BRIN code, run by a school board and part of one samenwerkingsverband. */
@MappedEntity("school")
public record School(@Id @GeneratedValue Long id,
                     String brin,
                     String name,
                     Sector sector,
                     Long boardPartyId,
                     Long partnershipPartyId,
                     Long municipalityId) {
}
