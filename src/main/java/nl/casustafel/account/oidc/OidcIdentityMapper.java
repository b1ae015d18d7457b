package nl.casustafel.account.oidc;

import nl.casustafel.covenant.Role;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.DefaultOpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Singleton;
import nl.casustafel.account.UserAccount;
import nl.casustafel.account.UserAccountRepository;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Turns an ID token that Micronaut has validated (signature, issuer, audience, nonce, state) into the
 * Casustafel account linked to its issuer and subject, or a refusal: an identity without a link creates
 * no account, and an inactive account signs in to nothing. Role and party come from the account, never
 * from the provider's claims; the only claims read besides issuer and subject are {@code amr} and
 * {@code acr}, for whether the provider's second factor counts (per provider, {@link OidcProviderSettings}).
 */
@Singleton
@Replaces(DefaultOpenIdAuthenticationMapper.class)
public class OidcIdentityMapper implements OpenIdAuthenticationMapper {

    /** Failure messages, read by {@link OidcLoginHandler} to choose the Dutch refusal. */
    static final String UNLINKED = "oidc-unlinked";
    static final String INACTIVE = "oidc-inactive";
    static final String UNKNOWN_PROVIDER = "oidc-unknown-provider";

    static final String USER_ID = "casustafel.userId";
    static final String PROVIDER = "casustafel.provider";
    static final String SECOND_FACTOR_DONE = "casustafel.secondFactorDone";

    private final OidcLinks links;
    private final OidcProviders providers;
    private final UserAccountRepository accounts;

    public OidcIdentityMapper(OidcLinks links, OidcProviders providers, UserAccountRepository accounts) {
        this.links = links;
        this.providers = providers;
        this.accounts = accounts;
    }

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String providerName, OpenIdTokenResponse tokenResponse,
                                                                        OpenIdClaims claims, @Nullable State state) {
        return Mono.fromCallable(() -> map(providerName, claims));
    }

    AuthenticationResponse map(String providerName, OpenIdClaims claims) {
        var settings = providers.find(providerName);
        if (settings.isEmpty()) {
            return AuthenticationResponse.failure(UNKNOWN_PROVIDER);
        }
        var link = links.find(providerName, claims.getIssuer(), claims.getSubject());
        if (link.isEmpty()) {
            return AuthenticationResponse.failure(UNLINKED);
        }
        var account = accounts.findById(link.get().userId()).filter(UserAccount::active);
        if (account.isEmpty()) {
            return AuthenticationResponse.failure(INACTIVE);
        }
        boolean secondFactorDone = settings.get().secondFactorDone(amr(claims.get(OpenIdClaims.CLAIMS_AMR)),
                claims.getAuthenticationContextClassReference());
        return AuthenticationResponse.success(account.get().username(), List.of(), Map.of(
                USER_ID, account.get().id(),
                PROVIDER, providerName,
                SECOND_FACTOR_DONE, secondFactorDone));
    }

    private static List<String> amr(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim == null ? List.of() : List.of(String.valueOf(claim));
    }
}
