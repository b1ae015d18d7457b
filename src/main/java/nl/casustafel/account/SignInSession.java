package nl.casustafel.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.time.Instant;
import java.util.UUID;

/**
 * One sign-in (aanmeldsessie) kept on the server: an API token names it in its {@code jti}, a UI
 * session holds its id. It counts while not revoked and not expired.
 */
@MappedEntity("sign_in_session")
public record SignInSession(@Id UUID id,
                            long userId,
                            SignInChannel channel,
                            @MappedProperty("created_at") Instant createdAt,
                            @MappedProperty("expires_at") Instant expiresAt,
                            @Nullable @MappedProperty("revoked_at") Instant revokedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
