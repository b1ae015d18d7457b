package nl.casustafel.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One act of a beheerder on an account (beheerlogboek); never changed once written. */
@MappedEntity("account_admin_log")
public record AccountAdminLogEntry(@Id @GeneratedValue Long id,
                                   Instant at,
                                   Long actorId,
                                   Long partyId,
                                   Long accountId,
                                   String accountUsername,
                                   AccountAdminAction action,
                                   @Nullable String detail) {
}
