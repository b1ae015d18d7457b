package nl.casustafel.account;

import nl.casustafel.covenant.Role;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A person who signs in, with one role at one covenant party. */
@MappedEntity("user_account")
public record UserAccount(@Id @GeneratedValue Long id,
                          String username,
                          String displayName,
                          Role role,
                          Long partyId,
                          String passwordHash,
                          boolean active) {
}
