package nl.casustafel.account;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/**
 * Turns the authentication of an API request into the {@link Viewer} the features work with: the one that
 * {@link SessionAuthenticationFactory} read together with the sign-in session in this request, else (an
 * authentication made elsewhere) looked up by username.
 */
@Singleton
public class Viewers {

    private final AccountService accounts;

    public Viewers(AccountService accounts) {
        this.accounts = accounts;
    }

    public Viewer of(Authentication authentication) {
        if (authentication == null) {
            throw new HttpStatusException(HttpStatus.UNAUTHORIZED, "Niet aangemeld.");
        }
        if (authentication.getAttributes().get(SessionAuthenticationFactory.VIEWER) instanceof Viewer viewer) {
            return viewer; // read with the sign-in session in this request's one lookup
        }
        return accounts.viewer(authentication.getName())
                .orElseThrow(() -> new HttpStatusException(HttpStatus.UNAUTHORIZED, "Account bestaat niet of is uitgeschakeld."));
    }
}
