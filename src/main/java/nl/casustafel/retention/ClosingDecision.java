package nl.casustafel.retention;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;

/**
 * Afsluitbesluit: the case of a pupil is closed for {@code reason} on {@code decidedOn}; its personal data
 * is destroyed from {@code destroyOn}. Made by a user of the party that holds the case.
 */
@Serdeable
@Introspected
public record ClosingDecision(long id, long pupilId, ClosingReason reason, LocalDate decidedOn, LocalDate destroyOn,
                              long decidedBy, String decidedByName, long decidedByParty, String decidedByPartyName) {
}
