package nl.casustafel.account.oidc;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/** An identity of an OpenID Connect provider (issuer + subject), linked by an administrator to one account. */
@MappedEntity("oidc_link")
public record OidcLink(@Id @GeneratedValue @Nullable Long id,
                       String provider,
                       String issuer,
                       String subject,
                       @MappedProperty("user_id") long userId,
                       @MappedProperty("linked_by") long linkedBy,
                       @MappedProperty("linked_at") Instant linkedAt) {
}
