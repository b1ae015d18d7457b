package nl.casustafel.account;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.token.bearer.AccessRefreshTokenLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import jakarta.inject.Singleton;

/**
 * {@code POST /login} as Micronaut Security answers it, except that a username locked by the
 * {@link SignInThrottle} gets 429 with a Dutch problem saying how long to wait, instead of 401.
 */
@Singleton
@Replaces(AccessRefreshTokenLoginHandler.class)
@Requires(property = "micronaut.security.authentication", value = "bearer")
public class ThrottledLoginHandler extends AccessRefreshTokenLoginHandler {

    public ThrottledLoginHandler(AccessRefreshTokenGenerator accessRefreshTokenGenerator) {
        super(accessRefreshTokenGenerator);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse response, HttpRequest<?> request) {
        if (response instanceof LockedOut) {
            throw new HttpStatusException(HttpStatus.TOO_MANY_REQUESTS, response.getMessage().orElseThrow());
        }
        return super.loginFailed(response, request);
    }

    /** The failure the authentication provider reports for a locked username. */
    static final class LockedOut extends AuthenticationFailed {
        LockedOut(SignIn.Locked locked) {
            super(locked.message());
        }
    }
}
