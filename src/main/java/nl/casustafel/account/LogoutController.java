package nl.casustafel.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;

/** {@code POST /api/logout}: ends the sign-in session of the token used; the token gives 401 after. */
@Controller("/api/logout")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class LogoutController {

    private final SignInSessions sessions;

    public LogoutController(SignInSessions sessions) {
        this.sessions = sessions;
    }

    @Post
    @Operation(summary = "Afmelden: dit token werkt hierna niet meer")
    public HttpResponse<Void> logout(Authentication authentication) {
        sessions.revoke(SessionAuthenticationFactory.sessionOf(authentication));
        return HttpResponse.noContent();
    }
}
