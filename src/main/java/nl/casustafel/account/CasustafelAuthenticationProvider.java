package nl.casustafel.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/** Lets Micronaut Security's {@code POST /login} check credentials against the account store. */
@Singleton
public class CasustafelAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    private final AccountService accounts;

    public CasustafelAuthenticationProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        return switch (accounts.signIn(credentials.getIdentity(), credentials.getSecret())) {
            case SignIn.SignedIn(Viewer viewer) -> AuthenticationResponse.success(viewer.username(),
                    List.of(viewer.role().name()),
                    Map.of("partyId", viewer.partyId(), "name", viewer.displayName()));
            case SignIn.Refused refused -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
            case SignIn.EnrolmentRequired required -> AuthenticationResponse.failure(required.message());
            case SignIn.Locked locked -> new ThrottledLoginHandler.LockedOut(locked);
        };
    }
}
