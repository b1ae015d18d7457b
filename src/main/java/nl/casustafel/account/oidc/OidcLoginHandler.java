package nl.casustafel.account.oidc;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.handlers.RedirectingLoginHandler;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.Map;

/**
 * Ends the authorization-code flow on {@code /oauth/callback/<provider>}: the browser gets no token,
 * only a redirect to the web app's page {@code /login/oidc} with a one-time ticket (or with the reason
 * of a refusal), where the sign-in completes in the Vaadin session. {@code POST /login} is Casustafel's
 * own controller and does not come here.
 */
@Singleton
public class OidcLoginHandler implements RedirectingLoginHandler<HttpRequest<?>, MutableHttpResponse<?>> {

    /** The page of the web app that redeems a ticket or shows a refusal. */
    public static final String PAGE = "/login/oidc";

    private final SignInTickets tickets;

    OidcLoginHandler(SignInTickets tickets) {
        this.tickets = tickets;
    }

    @Override
    public MutableHttpResponse<?> loginSuccess(Authentication authentication, HttpRequest<?> request) {
        Map<String, Object> attributes = authentication.getAttributes();
        if (!(attributes.get(OidcIdentityMapper.USER_ID) instanceof Long userId)
                || !(attributes.get(OidcIdentityMapper.PROVIDER) instanceof String provider)) {
            return refused(OidcRefusal.FAILED);
        }
        boolean secondFactorDone = Boolean.TRUE.equals(attributes.get(OidcIdentityMapper.SECOND_FACTOR_DONE));
        return redirect(PAGE + "?ticket=" + tickets.issue(userId, provider, secondFactorDone));
    }

    @Override
    public MutableHttpResponse<?> loginRefresh(Authentication authentication, String refreshToken, HttpRequest<?> request) {
        return refused(OidcRefusal.FAILED);
    }

    @Override
    public MutableHttpResponse<?> loginFailed(AuthenticationResponse response, HttpRequest<?> request) {
        String message = response.getMessage().orElse("");
        return refused(switch (message) {
            case OidcIdentityMapper.UNLINKED -> OidcRefusal.UNLINKED;
            case OidcIdentityMapper.INACTIVE -> OidcRefusal.INACTIVE;
            default -> OidcRefusal.FAILED;
        });
    }

    private static MutableHttpResponse<?> refused(OidcRefusal refusal) {
        return redirect(PAGE + "?fout=" + refusal.code());
    }

    private static MutableHttpResponse<?> redirect(String location) {
        return HttpResponse.<Object>status(io.micronaut.http.HttpStatus.FOUND)
                .header("Location", URI.create(location).toString())
                .header("Cache-Control", "no-store");
    }
}
