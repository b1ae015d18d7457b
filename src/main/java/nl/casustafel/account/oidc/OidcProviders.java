package nl.casustafel.account.oidc;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.value.PropertyResolver;
import nl.casustafel.platform.ConfigException;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The configured OpenID Connect providers, checked at start-up: every provider of Casustafel's settings
 * ({@code casustafel.oidc.providers.<name>}) needs Micronaut's client of the same name with an OpenID
 * issuer ({@code micronaut.security.oauth2.clients.<name>}), and every such client needs Casustafel's
 * settings, so that no provider is half configured (a button without a client, or a client whose
 * multi-factor setting was forgotten).
 */
@Context
public class OidcProviders {

    static final String CLIENTS = "micronaut.security.oauth2.clients";

    private final List<OidcProviderSettings> providers;
    private final PropertyResolver properties;

    public OidcProviders(Collection<OidcProviderSettings> providers, PropertyResolver properties) {
        this.providers = providers.stream().sorted(Comparator.comparing(OidcProviderSettings::getName)).toList();
        this.properties = properties;
        for (OidcProviderSettings provider : this.providers) {
            if (issuer(provider.getName()).isEmpty()) {
                throw new ConfigException("OIDC provider '" + provider.getName() + "' (casustafel.oidc.providers) has no "
                        + CLIENTS + "." + provider.getName() + ".openid.issuer");
            }
        }
        for (String client : properties.getPropertyEntries(CLIENTS)) {
            if (find(client).isEmpty()) {
                throw new ConfigException("OIDC client '" + client + "' (" + CLIENTS + ") has no settings under "
                        + "casustafel.oidc.providers." + client + " (label, accepts-mfa-claim)");
            }
        }
    }

    /** All providers, by name; empty when none is configured (then the sign-in page shows no buttons). */
    public List<OidcProviderSettings> all() {
        return providers;
    }

    public Optional<OidcProviderSettings> find(String name) {
        return providers.stream().filter(p -> p.getName().equals(name)).findFirst();
    }

    /** The issuer configured for the provider's client. */
    public Optional<String> issuer(String name) {
        return properties.get(CLIENTS + "." + name + ".openid.issuer", String.class).filter(s -> !s.isBlank());
    }
}
