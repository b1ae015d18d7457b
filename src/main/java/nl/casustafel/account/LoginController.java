package nl.casustafel.account;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;

import java.time.Duration;
import java.util.Date;
import java.util.Map;

/**
 * {@code POST /login}: username and password (the same check and throttle as the UI) for a bearer
 * token. The token is an HS256-signed JWT naming only the account ({@code sub}) and a server-side
 * sign-in session ({@code jti}); it lasts as long as that session.
 */
@Controller("/login")
@Secured(SecurityRule.IS_ANONYMOUS)
public class LoginController {

    private static final String ISSUER = "casustafel";

    private final AccountService accounts;
    private final SignInSessions sessions;
    private final TokenGenerator tokens;

    public LoginController(AccountService accounts, SignInSessions sessions, TokenGenerator tokens) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Post
    @Operation(summary = "Aanmelden: een Bearer-token voor de API")
    @SecurityRequirements
    public TokenAnswer login(@Body Credentials credentials) {
        return switch (accounts.signIn(credentials.username(), credentials.password(), credentials.code())) {
            case SignIn.SignedIn(Viewer viewer) -> issue(viewer);
            case SignIn.Refused refused -> throw new HttpStatusException(HttpStatus.UNAUTHORIZED,
                    "Gebruikersnaam, wachtwoord of code onjuist.");
            case SignIn.EnrolmentRequired enrolment -> throw new HttpStatusException(HttpStatus.FORBIDDEN, enrolment.message());
            case SignIn.Locked locked -> throw new HttpStatusException(HttpStatus.TOO_MANY_REQUESTS, locked.message());
        };
    }

    private TokenAnswer issue(Viewer viewer) {
        SignInSession session = sessions.open(viewer.userId(), SignInChannel.API);
        String token = tokens.generateToken(Map.of(
                        "iss", ISSUER,
                        "sub", viewer.username(),
                        "jti", session.id().toString(),
                        "iat", Date.from(session.createdAt()),
                        "nbf", Date.from(session.createdAt()),
                        "exp", Date.from(session.expiresAt())))
                .orElseThrow(() -> new IllegalStateException("no token generated"));
        long expiresIn = Duration.between(session.createdAt(), session.expiresAt()).toSeconds();
        return new TokenAnswer(token, "Bearer", expiresIn, viewer.username());
    }

    /** The sign-in form of the API; {@code code} is the second factor: a code of the authenticator app or a recovery code. */
    @Serdeable
    public record Credentials(@Nullable String username, @Nullable String password, @Nullable String code) {
    }

    @Serdeable
    public record TokenAnswer(@JsonProperty("access_token") String accessToken,
                              @JsonProperty("token_type") String tokenType,
                              @JsonProperty("expires_in") long expiresIn,
                              String username) {
    }
}
