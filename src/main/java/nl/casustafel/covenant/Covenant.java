package nl.casustafel.covenant;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** The regional privacy covenant (privacyconvenant): signed for an initial term, then renewed yearly. */
@MappedEntity("covenant")
public record Covenant(@Id @GeneratedValue Long id,
                       String code,
                       String name,
                       String version,
                       LocalDate signedOn,
                       int initialTermYears,
                       int renewalTermYears) {

    /** The end of the term that contains {@code day}: the initial term, then each renewal. */
    public LocalDate currentTermEnd(LocalDate day) {
        LocalDate end = signedOn.plusYears(initialTermYears);
        while (!end.isAfter(day)) {
            end = end.plusYears(renewalTermYears);
        }
        return end;
    }
}
