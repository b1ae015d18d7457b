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
 * token's roles claim.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
public class SessionAuthenticationFactory implements JwtAuthenticationFactory {

    /** The attribute of the authentication that holds the sign-in session's id. */
    public static final String SESSION_ID = "sessionId";

    private final SignInSessions sessions;
    private final UserAccountRepository accounts;

    public SessionAuthenticationFactory(SignInSessions sessions, UserAccountRepository accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
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
            return sessionId(claims.getJWTID())
                    .flatMap(sessions::active)
                    .filter(session -> session.channel() == SignInChannel.API)
                    .flatMap(session -> accounts.findById(session.userId()))
                    .filter(UserAccount::active)
                    .filter(account -> account.username().equals(claims.getSubject()))
                    .map(account -> Authentication.build(account.username(), List.of(account.role().name()),
                            Map.of(SESSION_ID, claims.getJWTID())));
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
