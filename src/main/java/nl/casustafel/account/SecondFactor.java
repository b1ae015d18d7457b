package nl.casustafel.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The TOTP secret of an account (sealed by {@link TotpSecretCipher}) and the time step of its last accepted code. */
@MappedEntity("second_factor")
public record SecondFactor(@Id Long userId,
                           String secret,
                           @Nullable Long lastUsedStep,
                           Instant enrolledAt) {
}
