package nl.casustafel.account;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import io.micronaut.security.token.jwt.validator.JwtAuthenticationFactory;
import jakarta.inject.Singleton;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides who is asking, from the database, for every API request with a token whose signature
 * Micronaut has verified. The token only names a sign-in session ({@code jti}) and its user
 * ({@code sub}); it counts while that session is open and the account active, and the role comes from
 * the account as it is now, never from a claim. Replaces Micronaut's factory, which believes the
 * token's roles claim. The session, the account and the viewer are read in one statement per request
 * ({@link SessionViewers}); nothing is cached between requests.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
public class SessionAuthenticationFactory implements JwtAuthenticationFactory {

    /** The attribute of the authentication that holds the sign-in session's id. */
    public static final String SESSION_ID = "sessionId";

    /** The attribute that holds the {@link Viewer} read with the session, so a request looks its viewer up once. */
    static final String VIEWER = "viewer";

    private final SessionViewers viewers;

    SessionAuthenticationFactory(SessionViewers viewers) {
        this.viewers = viewers;
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        // Only what we issue: signed, HS256. Micronaut already refuses an unsigned token when a key is
        // configured; this holds even if that ever changes.
        if (!(token instanceof SignedJWT signed) || !JWSAlgorithm.HS256.equals(signed.getHeader().getAlgorithm())) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = token.getJWTClaimsSet();
            String subject = claims.getSubject();
            if (subject == null) {
                return Optional.empty();
            }
            // one statement: session open on the API channel, account active under this username, with its viewer
            return sessionId(claims.getJWTID())
                    .flatMap(session -> viewers.active(session, subject))
                    .map(viewer -> Authentication.build(viewer.username(), List.of(viewer.role().name()),
                            Map.of(SESSION_ID, claims.getJWTID(), VIEWER, viewer)));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> sessionId(String jti) {
        if (jti == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(jti));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The sign-in session of an authenticated API request. */
    public static UUID sessionOf(Authentication authentication) {
        return UUID.fromString(String.valueOf(authentication.getAttributes().get(SESSION_ID)));
    }
}
